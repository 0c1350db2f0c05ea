export * from './interview.js';
export * from './errors.js';
export * from './roles.js';
export * from './use-cases/start-interview.js';
export * from './use-cases/submit-answer.js';
export * from './use-cases/complete-interview.js';
export * from './use-cases/queries.js';
export type { InterviewAssessment } from './use-cases/finish.js';
export * from './costs.js';
