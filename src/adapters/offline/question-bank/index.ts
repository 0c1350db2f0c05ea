import { dataEngineeringQuestions } from './data-engineering.js';
import { devopsQuestions } from './devops.js';
import { fullstackQuestions } from './fullstack.js';
import { goQuestions } from './go.js';
import { javaQuestions } from './java.js';
import { javascriptQuestions } from './javascript.js';
import { nodeQuestions } from './node.js';
import { pythonQuestions } from './python.js';
import { qaAutomationQuestions } from './qa-automation.js';
import { reactQuestions } from './react.js';
import { systemDesignQuestions } from './system-design.js';
import type { BankQuestion, RoleId } from './types.js';
import { typescriptQuestions } from './typescript.js';

/** The curated bank: written for this product, graded against each question's key points. */
export const QUESTION_BANK: readonly BankQuestion[] = Object.freeze([
  ...reactQuestions, ...javascriptQuestions, ...typescriptQuestions, ...nodeQuestions, ...pythonQuestions,
  ...javaQuestions, ...goQuestions, ...fullstackQuestions, ...devopsQuestions, ...dataEngineeringQuestions,
  ...qaAutomationQuestions, ...systemDesignQuestions,
]);

export const questionsFor = (role: RoleId): BankQuestion[] => QUESTION_BANK.filter((q) => q.role === role);
