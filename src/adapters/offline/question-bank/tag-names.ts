import { canonicalSkill } from '../../../domain/skills/normalise.js';
import { skillByName } from '../../../domain/skills/taxonomy.js';

/**
 * How a tag is written inside a sentence ("Your background mentions …") when that is not its own
 * words in lower case: products, languages and acronyms as their owners spell them.
 */
const TAG_NAMES: Readonly<Record<string, string>> = Object.freeze({
  airflow: 'Airflow', 'api-design': 'API design', 'api-testing': 'API testing', argon2: 'Argon2', aria: 'ARIA',
  aws: 'AWS', babel: 'Babel', bigquery: 'BigQuery', bullmq: 'BullMQ', cdn: 'CDN', 'chrome-devtools': 'Chrome DevTools',
  ci: 'CI', 'ci-cd': 'CI/CD', cloudformation: 'CloudFormation', cors: 'CORS', csrf: 'CSRF', cypress: 'Cypress',
  cython: 'Cython', dagster: 'Dagster', 'delta-lake': 'Delta Lake', django: 'Django', dns: 'DNS', docker: 'Docker',
  dom: 'the DOM', esm: 'ES modules', etl: 'ETL', express: 'Express', fastapi: 'FastAPI', flink: 'Flink', gatling: 'Gatling',
  gdpr: 'GDPR', git: 'Git', 'github-actions': 'GitHub Actions', go: 'Go', grafana: 'Grafana',
  'great-expectations': 'Great Expectations', hibernate: 'Hibernate', http: 'HTTP', iceberg: 'Iceberg', java: 'Java',
  javascript: 'JavaScript', jenkins: 'Jenkins', jest: 'Jest', jira: 'Jira', jmeter: 'JMeter', jpa: 'JPA', jsx: 'JSX',
  junit: 'JUnit', jvm: 'the JVM', jwt: 'JWT', kafka: 'Kafka', koa: 'Koa', kubernetes: 'Kubernetes', llm: 'LLMs',
  mockito: 'Mockito', mongodb: 'MongoDB', msw: 'MSW', nextjs: 'Next.js', nginx: 'NGINX', node: 'Node.js', numpy: 'NumPy',
  oauth: 'OAuth', opentelemetry: 'OpenTelemetry', pact: 'Pact', parquet: 'Parquet', playwright: 'Playwright',
  poetry: 'Poetry', postgresql: 'PostgreSQL', postman: 'Postman', prometheus: 'Prometheus', pydantic: 'Pydantic',
  python: 'Python', rabbitmq: 'RabbitMQ', react: 'React', 'react-hook-form': 'React Hook Form', 'react-query': 'React Query',
  react18: 'React 18', redis: 'Redis', redux: 'Redux', resilience4j: 'Resilience4j', rest: 'REST',
  'rest-assured': 'REST Assured', s3: 'S3', selenium: 'Selenium', snowflake: 'Snowflake', spark: 'Spark', spring: 'Spring',
  'spring-boot': 'Spring Boot', sql: 'SQL', sqlalchemy: 'SQLAlchemy', sqs: 'SQS', sre: 'SRE', sse: 'Server-Sent Events',
  ssr: 'server-side rendering', terraform: 'Terraform', 'testing-library': 'Testing Library', tls: 'TLS',
  typescript: 'TypeScript', v8: 'V8', vault: 'Vault', vite: 'Vite', vue: 'Vue', webpack: 'webpack', websockets: 'WebSockets',
  xss: 'XSS', yup: 'Yup', zod: 'Zod', zustand: 'Zustand',
});

/** A tag as written in a sentence: its proper name, else its words ("incident-management" → "incident management"). */
export const tagName = (tag: string): string => TAG_NAMES[tag] ?? tag.replace(/-/g, ' ');

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
