/**
 * Words a name spells its own way, whatever case the text around it uses: acronyms in capitals and
 * products as their owners write them. Shared by the report's skill names and the interviewer's
 * mentions of a skill.
 */
const SPELLINGS: ReadonlyMap<string, string> = new Map([
  ...['api', 'aws', 'ci', 'cd', 'css', 'dns', 'etl', 'gcp', 'html', 'http', 'io', 'jvm', 'json', 'jwt', 'orm', 'rest',
    'sdk', 'sql', 'sre', 'tcp', 'tdd', 'ui', 'ux', 'url', 'xss', 'csrf', 'dom', 'cli', 'grpc', 'rbac', 'k8s', 'llm']
    .map((w): [string, string] => [w, w.toUpperCase()]),
  ['apis', 'APIs'], ['javascript', 'JavaScript'], ['typescript', 'TypeScript'], ['graphql', 'GraphQL'], ['nodejs', 'Node.js'],
  ['postgresql', 'PostgreSQL'], ['mongodb', 'MongoDB'], ['github', 'GitHub'], ['oauth', 'OAuth'], ['oauth2', 'OAuth2'],
]);

/** How a lower-case word is spelled in a name ("postgresql" → "PostgreSQL"), or undefined for an ordinary word. */
export const spelledWord = (word: string): string | undefined => SPELLINGS.get(word);
