import {
  BOUNDARY, type BoundaryLevel, isStrong, levelRank, type Phase, phaseRank, PHASES, type SkillLevel,
} from './levels.js';
import type { AssessmentThresholds } from './thresholds.js';

/** One answer's contribution to a skill's boundary. */
export interface BoundaryEvidence {
  questionNumber: number;
  /** The question's difficulty (the interview's phase when the question's is not known). */
  phase: Phase;
  classification: BoundaryLevel;
  /** The opening of the candidate's answer, verbatim (an exact substring of it). */
  quote: string;
  /** Hesitation markers the grader found; recorded on boundary answers only (at most 3). */
  hesitations?: string[];
}

/**
 * Where one skill area stands: the highest level shown, and whether (and where) the skill ran out.
 * Plain JSON: stored inside the progression state.
 */
export interface SkillBoundary {
  /** Best level shown by an answer that did not hit the boundary; novice until one does. */
  level: SkillLevel;
  /** True while the skill's limit stands (see updateBoundary for how it can be lifted). */
  boundaryReached: boolean;
  /** The difficulty of the question whose answer set the standing boundary (see AnswerInput.difficulty). */
  boundaryPhase: Phase | null;
  answers: number;
  evidence: BoundaryEvidence[];
}

export type SkillBoundaryMap = Record<string, SkillBoundary>;

/** Tolerance for threshold comparisons: 0.7 must count as 0.7 even after float arithmetic. */
export const EPSILON = 1e-9;
export const atLeast = (value: number, threshold: number): boolean => value >= threshold - EPSILON;

/**
 * One answer's signal from the grader's confidence c and accuracy a — the original's bands in the
 * one vocabulary: below the boundary (c < 0.5 or a < 0.5 by default) the boundary is reached;
 * otherwise expert when c, a ≥ 0.8, proficient when c, a ≥ 0.7, else intermediate. (An answer that
 * gets past the boundary is never "novice": novice is what a skill shows before any such answer.)
 */
export function classifyAnswer(confidence: number, accuracy: number, t: AssessmentThresholds): BoundaryLevel {
  if (!atLeast(confidence, t.boundary.minConfidence) || !atLeast(accuracy, t.boundary.minAccuracy)) return BOUNDARY;
  if (atLeast(confidence, t.levels.expert) && atLeast(accuracy, t.levels.expert)) return 'expert';
  if (atLeast(confidence, t.levels.proficient) && atLeast(accuracy, t.levels.proficient)) return 'proficient';
  return 'intermediate';
}

const QUOTE_LENGTH = 160;

/** The opening of an answer, cut at a word where possible: always an exact substring of it. */
export const quoteOf = (answer: string): string => {
  const trimmed = answer.trim();
  if (trimmed.length <= QUOTE_LENGTH) return trimmed;
  const cut = trimmed.slice(0, QUOTE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return (space > 40 ? cut.slice(0, space) : cut).trimEnd();
};

const EMPTY: SkillBoundary = { level: 'novice', boundaryReached: false, boundaryPhase: null, answers: 0, evidence: [] };

/**
 * Adds one answer to a skill's boundary.
 * - level: the best non-boundary level shown so far (the peak; the report's averaged skill score
 *   gives the balanced view).
 * - boundary: set by an answer past the boundary, at that answer's phase. It is lifted again by a
 *   later proficient-or-expert answer in the same skill at the same or a harder phase: that answer
 *   shows the limit was not real (a misread question, a noisy grade). The original simply let the
 *   latest answer overwrite the skill's level, so a later good answer replaced boundary_reached
 *   there too; keeping the evidence makes the lift auditable. A later boundary sets it again.
 */
export function updateBoundary(current: SkillBoundary | undefined, evidence: BoundaryEvidence): SkillBoundary {
  const base = current ?? EMPTY;
  const hit = evidence.classification === BOUNDARY;
  const level = !hit && levelRank(evidence.classification as SkillLevel) > levelRank(base.level)
    ? (evidence.classification as SkillLevel)
    : base.level;
  let boundaryReached = base.boundaryReached;
  let boundaryPhase = base.boundaryPhase;
  if (hit && !boundaryReached) {
    boundaryReached = true;
    boundaryPhase = evidence.phase;
  } else if (!hit && boundaryReached && isStrong(evidence.classification)
    && phaseRank(evidence.phase) >= phaseRank(boundaryPhase ?? PHASES[0])) {
    boundaryReached = false;
    boundaryPhase = null;
  }
  return {
    level,
    boundaryReached,
    boundaryPhase,
    answers: base.answers + 1,
    evidence: [...base.evidence, evidence],
  };
}

/** Answers in the skill classified proficient or expert. */
export const strongAnswers = (b: SkillBoundary): number => b.evidence.filter((e) => isStrong(e.classification)).length;

/**
 * A skill is mapped when its limit is known: its boundary stands, or at least two answers showed it
 * at proficient or above. The original counted a skill once a single answer was proficient, expert
 * or past the boundary; one answer is too little against grading noise, so a solid level needs a
 * second confirmation. Intermediate answers map nothing: they show neither a solid level nor where
 * the skill runs out, which is exactly what further questions should find.
 */
export const isMapped = (b: SkillBoundary): boolean => b.boundaryReached || strongAnswers(b) >= 2;

/** The map as the API shows it: skill → level, or `boundary_reached`. */
export const boundaryLevels = (map: SkillBoundaryMap): Record<string, BoundaryLevel> =>
  Object.fromEntries(Object.entries(map).map(([skill, b]) => [skill, b.boundaryReached ? BOUNDARY : b.level]));

/** Skills whose boundary stands: the interviewer should not return to them. */
export const boundarySkills = (map: SkillBoundaryMap): string[] =>
  Object.entries(map).filter(([, b]) => b.boundaryReached).map(([skill]) => skill);

export const mappedSkills = (map: SkillBoundaryMap): string[] =>
  Object.entries(map).filter(([, b]) => isMapped(b)).map(([skill]) => skill);

/** One row of the skill boundary map, flattened for reports and recruiters. */
export interface BoundarySummary {
  skillArea: string;
  level: SkillLevel;
  boundaryReached: boolean;
  boundaryPhase: Phase | null;
  /** The question whose answer set the standing boundary. */
  boundaryQuestion: number | null;
  mapped: boolean;
  answers: number;
  strongAnswers: number;
  /** Question numbers of every answer in the skill, in order. */
  questions: number[];
  /** The quote of the answer that set the boundary, else of the best answer. */
  quote: string | null;
}

/** Replays the evidence with updateBoundary's rules to find the answer that set the standing boundary. */
function standingBoundaryEvidence(evidence: readonly BoundaryEvidence[]): BoundaryEvidence | undefined {
  let setter: BoundaryEvidence | undefined;
  for (const e of evidence) {
    if (e.classification === BOUNDARY) setter ??= e;
    else if (setter && isStrong(e.classification) && phaseRank(e.phase) >= phaseRank(setter.phase)) setter = undefined;
  }
  return setter;
}

/** The question whose answer set the skill's standing limit; undefined while no limit stands. */
export const boundaryQuestion = (b: SkillBoundary): number | undefined =>
  (b.boundaryReached ? standingBoundaryEvidence(b.evidence)?.questionNumber : undefined);

const rankOf = (c: BoundaryLevel) => (c === BOUNDARY ? -1 : levelRank(c));

/**
 * The boundary map as rows: highest level first, then skills that ran out later before earlier
 * ones, then by name (code-unit order, so the result never depends on the runtime's locale).
 */
export function summariseBoundaries(map: SkillBoundaryMap): BoundarySummary[] {
  return Object.entries(map).map(([skillArea, b]): BoundarySummary => {
    const setBy = b.boundaryReached ? standingBoundaryEvidence(b.evidence) : undefined;
    const best = b.evidence.reduce<BoundaryEvidence | undefined>(
      (top, e) => (top === undefined || rankOf(e.classification) > rankOf(top.classification) ? e : top), undefined);
    const shown = setBy ?? best;
    return {
      skillArea,
      level: b.level,
      boundaryReached: b.boundaryReached,
      boundaryPhase: b.boundaryPhase,
      boundaryQuestion: setBy?.questionNumber ?? null,
      mapped: isMapped(b),
      answers: b.answers,
      strongAnswers: strongAnswers(b),
      questions: b.evidence.map((e) => e.questionNumber),
      quote: shown && shown.quote !== '' ? shown.quote : null,
    };
  }).sort((x, y) =>
    levelRank(y.level) - levelRank(x.level)
    || boundaryDepth(y) - boundaryDepth(x)
    || compareText(x.skillArea, y.skillArea));
}

/** Skills with no boundary rank above any that ran out; among those, a later phase ranks higher. */
const boundaryDepth = (s: BoundarySummary) => (s.boundaryPhase === null ? PHASES.length : phaseRank(s.boundaryPhase));

/** Locale-independent string order: reports must be identical on every machine. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
