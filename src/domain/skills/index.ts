export * from './taxonomy.js';
export * from './normalise.js';
export * from './spelling.js';
