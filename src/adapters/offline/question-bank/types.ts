import type { Phase } from '../../../domain/assessment/levels.js';

/** Role types the offline interviewer runs interviews for (the API's `role_type` values). */
export const ROLE_IDS = [
  'react',
  'javascript',
  'typescript',
  'node',
  'python',
  'java',
  'go',
  'fullstack',
  'devops',
  'data_engineering',
  'qa_automation',
  'system_design',
] as const;
export type RoleId = (typeof ROLE_IDS)[number];

/** One curated question. Written for this product; graded against keyPoints and referenceAnswer. */
export interface BankQuestion {
  /** `<role>.<difficulty>.<nn>`, unique across the bank. */
  id: string;
  role: RoleId;
  difficulty: Phase;
  /** snake_case skill area, e.g. `react_hooks`, `async_programming`, `databases`. */
  skillArea: string;
  text: string;
  /** A model answer of 1–4 sentences. */
  referenceAnswer: string;
  /** 2–5 short, independently checkable points a good answer covers. */
  keyPoints: string[];
  /** Lower-case skill names (as on a resume or job ad: `redux`, `docker`, `postgresql`) this question probes. */
  tags: string[];
}
