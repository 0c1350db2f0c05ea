import { canonicalSkill } from '../../../domain/skills/normalise.js';
import { spelledWord } from '../../../domain/skills/spelling.js';
import { skillByName } from '../../../domain/skills/taxonomy.js';

/**
 * How a tag is written inside a sentence ("Your background mentions …") where its words, each as
 * names spell it (spelledWord: acronyms, JavaScript, PostgreSQL), are not enough: products as their
 * owners write them, and a few that read better with an article or in the plural.
 */
const TAG_NAMES: Readonly<Record<string, string>> = Object.freeze({
  airflow: 'Airflow', argon2: 'Argon2', aria: 'ARIA', babel: 'Babel', bigquery: 'BigQuery', bullmq: 'BullMQ',
  cdn: 'CDN', 'chrome-devtools': 'Chrome DevTools', 'ci-cd': 'CI/CD', cloudformation: 'CloudFormation', cors: 'CORS',
  cypress: 'Cypress', cython: 'Cython', dagster: 'Dagster', 'delta-lake': 'Delta Lake', django: 'Django',
  docker: 'Docker', dom: 'the DOM', esm: 'ES modules', express: 'Express', fastapi: 'FastAPI', flink: 'Flink',
  gatling: 'Gatling', gdpr: 'GDPR', git: 'Git', 'github-actions': 'GitHub Actions', go: 'Go', grafana: 'Grafana',
  'great-expectations': 'Great Expectations', hibernate: 'Hibernate', iceberg: 'Iceberg', java: 'Java',
  jenkins: 'Jenkins', jest: 'Jest', jira: 'Jira', jmeter: 'JMeter', jpa: 'JPA', jsx: 'JSX', junit: 'JUnit',
  jvm: 'the JVM', kafka: 'Kafka', koa: 'Koa', kubernetes: 'Kubernetes', llm: 'LLMs', mockito: 'Mockito', msw: 'MSW',
  nextjs: 'Next.js', nginx: 'NGINX', node: 'Node.js', numpy: 'NumPy', opentelemetry: 'OpenTelemetry', pact: 'Pact',
  parquet: 'Parquet', playwright: 'Playwright', poetry: 'Poetry', postman: 'Postman', prometheus: 'Prometheus',
  pydantic: 'Pydantic', python: 'Python', rabbitmq: 'RabbitMQ', react: 'React', 'react-hook-form': 'React Hook Form',
  'react-query': 'React Query', react18: 'React 18', redis: 'Redis', redux: 'Redux', resilience4j: 'Resilience4j',
  'rest-assured': 'REST Assured', s3: 'S3', selenium: 'Selenium', snowflake: 'Snowflake', spark: 'Spark',
  spring: 'Spring', 'spring-boot': 'Spring Boot', sqlalchemy: 'SQLAlchemy', sqs: 'SQS', sse: 'Server-Sent Events',
  ssr: 'server-side rendering', terraform: 'Terraform', 'testing-library': 'Testing Library', tls: 'TLS', v8: 'V8',
  vault: 'Vault', vite: 'Vite', vue: 'Vue', webpack: 'webpack', websockets: 'WebSockets', yup: 'Yup', zod: 'Zod',
  zustand: 'Zustand',
});

/** A tag as written in a sentence: its proper name, else its words ("incident-management" → "incident management", "api-design" → "API design"). */
export const tagName = (tag: string): string => TAG_NAMES[tag] ?? tag.split('-').map((w) => spelledWord(w) ?? w).join(' ');

/**
 * A tag as the skills taxonomy names it, the form resume and job skills arrive in: "github-actions"
 * → "github actions", "nextjs" → "next.js", "vault" → "hashicorp vault". A tag the taxonomy does not
 * know stays as it is.
 */
export function tagSkill(tag: string): string {
  for (const spelling of [tag, tag.replace(/-/g, ' ')]) {
    const name = canonicalSkill(spelling);
    if (skillByName(name)) return name;
  }
  return canonicalSkill(tag);
}
