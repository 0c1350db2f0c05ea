export * from './parsed-resume.js';
export * from './file-type.js';
export * from './errors.js';
export * from './dates.js';
export * from './injection.js';
