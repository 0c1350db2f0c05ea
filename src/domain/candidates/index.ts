export * from './profile.js';
export * from './errors.js';
export * from './use-cases/manage-profile.js';
