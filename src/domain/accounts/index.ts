export * from './account.js';
export * from './errors.js';
export * from './password-policy.js';
export * from './use-cases/register-account.js';
export * from './use-cases/log-in.js';
export * from './use-cases/authenticate.js';
