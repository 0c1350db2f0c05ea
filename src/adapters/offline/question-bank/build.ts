import type { Phase } from '../../../domain/assessment/levels.js';
import type { BankQuestion, RoleId } from './types.js';

/** [skillArea, question, reference answer, key points, tags] */
export type Entry = [string, string, string, string[], string[]];

/** Expands compact entries into bank questions with ids `<role>.<phase>.<nn>`. */
export function questions(role: RoleId, byPhase: Record<Phase, Entry[]>): BankQuestion[] {
  return (Object.entries(byPhase) as Array<[Phase, Entry[]]>).flatMap(([difficulty, entries]) =>
    entries.map(([skillArea, text, referenceAnswer, keyPoints, tags], i) => ({
      id: `${role}.${difficulty}.${String(i + 1).padStart(2, '0')}`,
      role,
      difficulty,
      skillArea,
      text,
      referenceAnswer,
      keyPoints,
      tags,
    })),
  );
}
