export * from './levels.js';
export * from './thresholds.js';
export * from './boundaries.js';
export * from './progression.js';
export * from './report.js';
