/** Spellings of role types the frontend and job ads use, mapped to the interviewer's role ids. */
const ALIASES: Record<string, string> = {
  nodejs: 'node', 'node.js': 'node', 'full-stack': 'fullstack', 'full stack': 'fullstack', full_stack: 'fullstack',
  qa: 'qa_automation', 'qa automation': 'qa_automation', 'qa-automation': 'qa_automation', playwright: 'qa_automation',
  cypress: 'qa_automation', 'data engineering': 'data_engineering', 'data-engineering': 'data_engineering', data: 'data_engineering',
  'system design': 'system_design', 'system-design': 'system_design', golang: 'go', js: 'javascript', ts: 'typescript',
  reactjs: 'react', 'react.js': 'react', py: 'python',
};

export function normaliseRole(raw: string): string {
  const key = raw.trim().toLowerCase();
  return ALIASES[key] ?? key;
}
