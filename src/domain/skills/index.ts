export * from './taxonomy.js';
export * from './normalise.js';
