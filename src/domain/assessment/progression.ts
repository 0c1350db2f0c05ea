import type { Grade } from '../../ports/answer-grader.js';
import { type SkillBoundaryMap, classifyAnswer, isMapped, quoteOf, updateBoundary } from './boundaries.js';
import { BOUNDARY, type BoundaryLevel, type Phase, PHASES, type SkillLevel } from './levels.js';
import type { AssessmentThresholds } from './thresholds.js';

export interface PhaseEntry {
  phase: Phase;
  startedAtQuestion: number;
  questionsCount: number;
}

export interface ResponseRecord {
  questionNumber: number;
  questionId?: string;
  phase: Phase;
  skillArea: string;
  isFollowUp: boolean;
  score: number;
  accuracy: number;
  confidence: number;
  depth: number;
  level: SkillLevel;
  classification: BoundaryLevel;
}

/** Everything the progressive assessment knows; plain JSON, stored with the interview. */
export interface ProgressionState {
  phase: Phase;
  phaseHistory: PhaseEntry[];
  responses: ResponseRecord[];
  skillsExplored: string[];
  boundaries: SkillBoundaryMap;
}

export type CompletionReason = 'max_questions' | 'skills_mapped' | 'all_phases_seen' | 'advanced_cap';

export interface AnswerInput {
  questionNumber: number;
  questionId?: string;
  /** The grade's own skill area when it has one, else the question's. */
  skillArea: string;
  isFollowUp: boolean;
  grade: Pick<Grade, 'score' | 'accuracy' | 'confidence' | 'depth' | 'level'>;
  answer: string;
}

export interface AnswerOutcome {
  state: ProgressionState;
  classification: BoundaryLevel;
  phaseChanged?: { from: Phase; to: Phase; forced: boolean };
  complete: boolean;
  completionReason?: CompletionReason;
}

/** The phase history is seeded, so warmup can be left (the original started it empty). */
export const initialProgression = (): ProgressionState => ({
  phase: 'warmup',
  phaseHistory: [{ phase: 'warmup', startedAtQuestion: 1, questionsCount: 0 }],
  responses: [],
  skillsExplored: [],
  boundaries: {},
});

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/**
 * Records one answer — exactly one question counted — and decides whether to move up a phase and
 * whether the interview is done. The advance check sees the state *including* this answer, so the
 * answer that meets a threshold is the one that moves the candidate on.
 */
export function recordAnswer(state: ProgressionState, input: AnswerInput, t: AssessmentThresholds): AnswerOutcome {
  const { grade } = input;
  const classification = classifyAnswer(grade.confidence, grade.accuracy, t);
  const response: ResponseRecord = {
    questionNumber: input.questionNumber,
    ...(input.questionId ? { questionId: input.questionId } : {}),
    phase: state.phase,
    skillArea: input.skillArea,
    isFollowUp: input.isFollowUp,
    score: grade.score,
    accuracy: grade.accuracy,
    confidence: grade.confidence,
    depth: grade.depth,
    level: grade.level,
    classification,
  };
  const history = state.phaseHistory.map((e, i, all) =>
    i === all.length - 1 ? { ...e, questionsCount: e.questionsCount + 1 } : e,
  );
  let next: ProgressionState = {
    phase: state.phase,
    phaseHistory: history,
    responses: [...state.responses, response],
    skillsExplored: state.skillsExplored.includes(input.skillArea) ? state.skillsExplored : [...state.skillsExplored, input.skillArea],
    boundaries: {
      ...state.boundaries,
      [input.skillArea]: updateBoundary(state.boundaries[input.skillArea], {
        questionNumber: input.questionNumber, phase: state.phase, classification, quote: quoteOf(input.answer),
      }),
    },
  };

  const advance = advanceDecision(next, t);
  let phaseChanged: AnswerOutcome['phaseChanged'];
  if (advance) {
    const to = PHASES[PHASES.indexOf(next.phase) + 1]!;
    phaseChanged = { from: next.phase, to, forced: advance === 'cap' };
    next = {
      ...next,
      phase: to,
      phaseHistory: [...next.phaseHistory, { phase: to, startedAtQuestion: input.questionNumber + 1, questionsCount: 0 }],
    };
  }
  const completionReason = completionDecision(next, t);
  return {
    state: next,
    classification,
    ...(phaseChanged ? { phaseChanged } : {}),
    complete: completionReason !== undefined,
    ...(completionReason ? { completionReason } : {}),
  };
}

const currentEntry = (s: ProgressionState) => s.phaseHistory[s.phaseHistory.length - 1]!;
const phaseResponses = (s: ProgressionState, phase: Phase) => s.responses.filter((r) => r.phase === phase);

/** 'rules' when the phase's thresholds are met, 'cap' when its question cap forces the move. */
export function advanceDecision(s: ProgressionState, t: AssessmentThresholds): 'rules' | 'cap' | undefined {
  const asked = currentEntry(s).questionsCount;
  if (s.phase === 'warmup') {
    const rs = phaseResponses(s, 'warmup');
    if (asked >= t.warmup.minQuestions && mean(rs.map((r) => r.confidence)) >= t.warmup.minMeanConfidence &&
      rs.every((r) => r.accuracy >= t.warmup.minAccuracy)) return 'rules';
    return asked >= t.caps.warmup ? 'cap' : undefined;
  }
  if (s.phase === 'standard') {
    const rs = phaseResponses(s, 'standard');
    const lastThree = rs.slice(-3);
    const strong = lastThree.filter((r) => r.classification === 'proficient' || r.classification === 'expert').length;
    const recentBoundary = lastThree.some((r) => r.classification === BOUNDARY);
    if (asked >= t.standard.minQuestions && mean(rs.map((r) => r.accuracy)) >= t.standard.minMeanAccuracy &&
      strong >= t.standard.proficientOfLastThree && !recentBoundary) return 'rules';
    return asked >= t.caps.standard ? 'cap' : undefined;
  }
  return undefined;
}

export function completionDecision(s: ProgressionState, t: AssessmentThresholds): CompletionReason | undefined {
  const total = s.responses.length;
  if (total >= t.completion.maxQuestions) return 'max_questions';
  if (s.phase === 'advanced' && currentEntry(s).questionsCount >= t.caps.advanced) return 'advanced_cap';
  if (total >= t.completion.minQuestions) {
    if (Object.values(s.boundaries).filter(isMapped).length >= t.completion.minSkillsMapped) return 'skills_mapped';
    if (new Set(s.phaseHistory.map((e) => e.phase)).size === PHASES.length) return 'all_phases_seen';
  }
  return undefined;
}

/**
 * The `total_questions` the API shows: 15, or 18 once in advanced (the original's numbers), never
 * below the next question's number and never above the hard maximum.
 */
export function totalQuestionsEstimate(s: ProgressionState, t: AssessmentThresholds): number {
  const planned = s.phase === 'advanced' ? 18 : 15;
  return Math.min(t.completion.maxQuestions, Math.max(planned, s.responses.length + 1));
}
