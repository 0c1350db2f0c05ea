import { BOUNDARY, type BoundaryLevel, type Phase, type SkillLevel, levelRank } from './levels.js';
import type { AssessmentThresholds } from './thresholds.js';

export interface BoundaryEvidence {
  questionNumber: number;
  phase: Phase;
  classification: BoundaryLevel;
  /** The opening of the candidate's answer, verbatim. */
  quote: string;
}

/** Where one skill area stands: the level shown, and whether (and where) the skill ran out. */
export interface SkillBoundary {
  level: SkillLevel;
  boundaryReached: boolean;
  boundaryPhase: Phase | null;
  answers: number;
  evidence: BoundaryEvidence[];
}

export type SkillBoundaryMap = Record<string, SkillBoundary>;

/**
 * One answer's signal, from the grader's confidence c and accuracy a (the original's bands, in the
 * one vocabulary): expert c,a ≥ 0.8; proficient ≥ 0.7; intermediate ≥ the boundary threshold;
 * below it the boundary is reached.
 */
export function classifyAnswer(confidence: number, accuracy: number, t: AssessmentThresholds): BoundaryLevel {
  if (confidence < t.boundary.minConfidence || accuracy < t.boundary.minAccuracy) return BOUNDARY;
  if (confidence >= 0.8 && accuracy >= 0.8) return 'expert';
  if (confidence >= 0.7 && accuracy >= 0.7) return 'proficient';
  return 'intermediate';
}

const QUOTE_LENGTH = 160;

export const quoteOf = (answer: string): string => {
  const trimmed = answer.trim();
  if (trimmed.length <= QUOTE_LENGTH) return trimmed;
  const cut = trimmed.slice(0, QUOTE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return space > 40 ? cut.slice(0, space) : cut;
};

/**
 * Adds one answer to a skill's boundary. The level is the best non-boundary level shown (a first
 * answer past the boundary leaves it at novice); once reached, a boundary stays marked, at the
 * phase where it was first hit.
 */
export function updateBoundary(
  current: SkillBoundary | undefined,
  evidence: BoundaryEvidence,
): SkillBoundary {
  const base: SkillBoundary = current ?? { level: 'novice', boundaryReached: false, boundaryPhase: null, answers: 0, evidence: [] };
  const reached = evidence.classification === BOUNDARY;
  const level =
    !reached && levelRank(evidence.classification as SkillLevel) > levelRank(base.level)
      ? (evidence.classification as SkillLevel)
      : base.level;
  return {
    level,
    boundaryReached: base.boundaryReached || reached,
    boundaryPhase: base.boundaryPhase ?? (reached ? evidence.phase : null),
    answers: base.answers + 1,
    evidence: [...base.evidence, evidence],
  };
}

/**
 * A skill counts as mapped when its limit is known: the boundary was reached, or two or more
 * answers showed it at proficient or above (the original counted proficient/expert/boundary skills).
 */
export const isMapped = (b: SkillBoundary): boolean =>
  b.boundaryReached || (b.answers >= 2 && levelRank(b.level) >= levelRank('proficient'));

/** The map as the API shows it: skill → level, or `boundary_reached`. */
export const boundaryLevels = (map: SkillBoundaryMap): Record<string, string> =>
  Object.fromEntries(Object.entries(map).map(([skill, b]) => [skill, b.boundaryReached ? BOUNDARY : b.level]));

export const boundarySkills = (map: SkillBoundaryMap): string[] =>
  Object.entries(map).filter(([, b]) => b.boundaryReached).map(([skill]) => skill);
