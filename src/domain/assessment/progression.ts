import type { Grade } from '../../ports/answer-grader.js';
import { DomainError } from '../shared/domain-error.js';
import {
  atLeast, type BoundaryEvidence, classifyAnswer, isMapped, quoteOf, type SkillBoundaryMap, updateBoundary,
} from './boundaries.js';
import {
  BOUNDARY, type BoundaryLevel, isPhase, isSkillLevel, isStrong, levelForScore, nextPhase, type Phase, PHASES, phaseRank,
  type SkillLevel,
} from './levels.js';
import { type AssessmentThresholds, DEFAULT_THRESHOLDS } from './thresholds.js';

export interface PhaseEntry {
  phase: Phase;
  /** Number of the first question asked in this phase. */
  startedAtQuestion: number;
  /** Answers given in this phase: exactly one per answer, follow-ups included. */
  questionsCount: number;
}

export interface ResponseRecord {
  questionNumber: number;
  questionId?: string;
  /** The phase the interview was in when the question was answered. */
  phase: Phase;
  skillArea: string;
  isFollowUp: boolean;
  /** The grade, clamped: score 0–100, the rest 0–1. */
  score: number;
  accuracy: number;
  confidence: number;
  depth: number;
  /** The grader's own level for the answer (the original's `proficiency_signal`). */
  level: SkillLevel;
  /** The boundary classification from confidence and accuracy. */
  classification: BoundaryLevel;
}

/**
 * Everything the progressive assessment knows about one interview. Plain JSON (stored as a JSON column):
 * no classes, no Dates, no undefined-valued keys. Read stored copies back with readProgression.
 */
export interface ProgressionState {
  phase: Phase;
  /** Seeded with the warmup entry; the last entry is always the current phase. */
  phaseHistory: PhaseEntry[];
  responses: ResponseRecord[];
  /** Skill areas in the order they were first answered, each once. */
  skillsExplored: string[];
  boundaries: SkillBoundaryMap;
}

export type CompletionReason = 'max_questions' | 'advanced_cap' | 'skills_mapped' | 'all_phases_seen';

export interface AnswerInput {
  /** Must be greater than the last recorded answer's number. */
  questionNumber: number;
  questionId?: string;
  /** The grade's own skill area when it has one, else the question's: see resolveSkillArea. */
  skillArea: string;
  isFollowUp: boolean;
  /**
   * The question's difficulty, when known: the level at which the answer shows the skill holding or
   * running out (the boundary map's phase). A phase can be asked harder questions than its own once
   * the role's run out, so the interview's phase is only the fallback.
   */
  difficulty?: Phase;
  grade: Pick<Grade, 'score' | 'accuracy' | 'confidence' | 'depth' | 'level'> & Partial<Pick<Grade, 'hesitations'>>;
  /** The candidate's answer text (a short verbatim quote of it is kept as evidence). */
  answer: string;
}

/** An answer that fell below the boundary thresholds: where, in which skill, and why. */
export interface BoundaryDetection {
  skill: string;
  questionNumber: number;
  /** The difficulty at which the skill ran out (the question's; see AnswerInput.difficulty). */
  phase: Phase;
  confidence: number;
  accuracy: number;
  hesitations: string[];
  quote: string;
  /** One readable line: the numbers, the hesitations, the quote. */
  evidence: string;
}

export interface AnswerOutcome {
  state: ProgressionState;
  /** This answer's boundary classification. */
  classification: BoundaryLevel;
  /** Set when this answer moved the interview to the next phase; forced when by the phase cap. */
  phaseChanged?: { from: Phase; to: Phase; forced: boolean };
  /** Set when this answer fell below the boundary thresholds. */
  boundary?: BoundaryDetection;
  complete: boolean;
  completionReason?: CompletionReason;
}

/** An answer recorded twice, or out of order: counting it would break one-count-per-answer. */
export class AnswerOutOfOrder extends DomainError {
  constructor(questionNumber: number, lastRecorded: number) {
    super(
      'assessment.answer_out_of_order',
      `Answer to question ${questionNumber} cannot be recorded after question ${lastRecorded}`,
      { questionNumber, lastRecorded },
    );
  }
}

/** Stored progression data that cannot be read as a ProgressionState. */
export class InvalidProgression extends DomainError {
  constructor(reason: string) {
    super('assessment.invalid_progression', `Stored progression state is invalid: ${reason}`, { reason });
  }
}

/** The phase history is seeded with warmup so warmup can be left (the original started it empty). */
export const initialProgression = (): ProgressionState => ({
  phase: 'warmup',
  phaseHistory: [{ phase: 'warmup', startedAtQuestion: 1, questionsCount: 0 }],
  responses: [],
  skillsExplored: [],
  boundaries: {},
});

/** Skill areas are snake_case keys ('React Hooks' and 'react-hooks' are the same skill). */
export function normaliseSkillArea(skillArea: string | undefined | null): string {
  const key = (skillArea ?? '').trim().toLowerCase().replace(/[^a-z0-9+#]+/g, '_').replace(/^_+|_+$/g, '');
  return key === '' ? 'general' : key;
}

/**
 * The skill an answer is credited to: the grade's own skill area (what the answer turned out to be
 * about), unless it is empty or the catch-all 'general', then the question's. The original always
 * used 'general', so every answer landed in one skill.
 */
export function resolveSkillArea(gradeSkillArea: string | undefined | null, questionSkillArea: string): string {
  const graded = normaliseSkillArea(gradeSkillArea);
  return graded !== 'general' ? graded : normaliseSkillArea(questionSkillArea);
}

const clamp = (v: number, lo: number, hi: number) => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : lo);
const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Records one answer — exactly one question counted, follow-ups included — then decides whether to
 * move up a phase and whether the interview is done.
 *
 * The advance check runs on the state *including* this answer (the original decided before
 * recording it, so the answer that met a threshold only counted one turn late). Phases only move
 * forward, one step per answer. Completion is checked after any phase change.
 *
 * Throws AnswerOutOfOrder when questionNumber is not above the last recorded one.
 */
export function recordAnswer(state: ProgressionState, input: AnswerInput, t: AssessmentThresholds): AnswerOutcome {
  const last = state.responses[state.responses.length - 1];
  if (!Number.isInteger(input.questionNumber) || input.questionNumber < 1 || (last && input.questionNumber <= last.questionNumber)) {
    throw new AnswerOutOfOrder(input.questionNumber, last?.questionNumber ?? 0);
  }
  const skillArea = normaliseSkillArea(input.skillArea);
  const score = clamp(input.grade.score, 0, 100);
  const confidence = clamp(input.grade.confidence, 0, 1);
  const accuracy = clamp(input.grade.accuracy, 0, 1);
  const classification = classifyAnswer(confidence, accuracy, t);
  const hit = classification === BOUNDARY;
  const response: ResponseRecord = {
    questionNumber: input.questionNumber,
    ...(input.questionId ? { questionId: input.questionId } : {}),
    phase: state.phase,
    skillArea,
    isFollowUp: input.isFollowUp,
    score,
    accuracy,
    confidence,
    depth: clamp(input.grade.depth, 0, 1),
    level: isSkillLevel(input.grade.level) ? input.grade.level : levelForScore(score),
    classification,
  };
  const hesitations = (input.grade.hesitations ?? []).slice(0, 3);
  const evidence: BoundaryEvidence = {
    questionNumber: input.questionNumber,
    phase: input.difficulty && isPhase(input.difficulty) ? input.difficulty : state.phase,
    classification,
    quote: quoteOf(input.answer),
    ...(hit && hesitations.length > 0 ? { hesitations } : {}),
  };
  let next: ProgressionState = {
    phase: state.phase,
    phaseHistory: state.phaseHistory.map((e, i, all) => (i === all.length - 1 ? { ...e, questionsCount: e.questionsCount + 1 } : e)),
    responses: [...state.responses, response],
    skillsExplored: state.skillsExplored.includes(skillArea) ? state.skillsExplored : [...state.skillsExplored, skillArea],
    boundaries: { ...state.boundaries, [skillArea]: updateBoundary(state.boundaries[skillArea], evidence) },
  };

  let phaseChanged: AnswerOutcome['phaseChanged'];
  const advance = advanceDecision(next, t);
  const to = nextPhase(next.phase);
  if (advance && to) {
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
    ...(hit ? { boundary: detectionOf(response, evidence) } : {}),
    complete: completionReason !== undefined,
    ...(completionReason ? { completionReason } : {}),
  };
}

function detectionOf(r: ResponseRecord, e: BoundaryEvidence): BoundaryDetection {
  const hesitations = e.hesitations ?? [];
  return {
    skill: r.skillArea,
    questionNumber: r.questionNumber,
    phase: e.phase,
    confidence: r.confidence,
    accuracy: r.accuracy,
    hesitations,
    quote: e.quote,
    evidence: `Confidence ${round2(r.confidence)}, accuracy ${round2(r.accuracy)}`
      + `${hesitations.length > 0 ? `; hesitations: ${hesitations.join(', ')}` : ''}`
      + `${e.quote !== '' ? `; answer: "${e.quote}"` : ''}`,
  };
}

/** Every boundary detection so far, in question order (derived, so it can never disagree with the map). */
export function boundaryDetections(state: ProgressionState): BoundaryDetection[] {
  return state.responses
    .filter((r) => r.classification === BOUNDARY)
    .map((r) => {
      const e = state.boundaries[r.skillArea]?.evidence.find((x) => x.questionNumber === r.questionNumber);
      return detectionOf(r, e ?? { questionNumber: r.questionNumber, phase: r.phase, classification: BOUNDARY, quote: '' });
    });
}

const currentEntry = (s: ProgressionState): PhaseEntry => s.phaseHistory[s.phaseHistory.length - 1]!;
const phaseResponses = (s: ProgressionState, phase: Phase) => s.responses.filter((r) => r.phase === phase);

/**
 * Whether the current phase is done, on a state that already holds the latest answer:
 * 'rules' when its thresholds are met, 'cap' when its question cap forces the move, else undefined.
 * - warmup: ≥ warmup.minQuestions answers in warmup, mean confidence over them ≥ minMeanConfidence,
 *   and none with accuracy < minAccuracy.
 * - standard: ≥ standard.minQuestions answers in standard, mean accuracy over them ≥ minMeanAccuracy,
 *   ≥ proficientOfLastThree of the last 3 graded proficient or expert (the grader's level, as the
 *   original's proficiency signal), and none of the last 3 past the boundary.
 * - advanced: never (its cap ends the interview instead; see completionDecision).
 * Comparisons tolerate float error (0.7 + 0.7 + 0.7 over 3 counts as 0.7).
 */
export function advanceDecision(s: ProgressionState, t: AssessmentThresholds): 'rules' | 'cap' | undefined {
  const asked = currentEntry(s).questionsCount;
  if (s.phase === 'warmup') {
    const rs = phaseResponses(s, 'warmup');
    if (asked >= t.warmup.minQuestions && atLeast(mean(rs.map((r) => r.confidence)), t.warmup.minMeanConfidence)
      && rs.every((r) => atLeast(r.accuracy, t.warmup.minAccuracy))) return 'rules';
    return asked >= t.caps.warmup ? 'cap' : undefined;
  }
  if (s.phase === 'standard') {
    const rs = phaseResponses(s, 'standard');
    const lastThree = rs.slice(-3);
    const solid = lastThree.filter((r) => isStrong(r.level)).length;
    const recentBoundary = lastThree.some((r) => r.classification === BOUNDARY);
    if (asked >= t.standard.minQuestions && atLeast(mean(rs.map((r) => r.accuracy)), t.standard.minMeanAccuracy)
      && solid >= t.standard.proficientOfLastThree && !recentBoundary) return 'rules';
    return asked >= t.caps.standard ? 'cap' : undefined;
  }
  return undefined;
}

/**
 * Whether the interview is done, in this order:
 * - 'max_questions': completion.maxQuestions answers (20);
 * - 'advanced_cap': caps.advanced answers in advanced (8);
 * - 'skills_mapped': ≥ completion.minQuestions answers (12) and ≥ minSkillsMapped skills mapped (2);
 * - 'all_phases_seen': ≥ completion.minQuestions answers and at least one answer in every phase.
 *   (Answered in, not merely entered: the original counted a phase the moment it was entered, so an
 *   interview could end right after reaching advanced without one advanced question.)
 */
export function completionDecision(s: ProgressionState, t: AssessmentThresholds): CompletionReason | undefined {
  const total = s.responses.length;
  if (total >= t.completion.maxQuestions) return 'max_questions';
  if (s.phase === 'advanced' && currentEntry(s).questionsCount >= t.caps.advanced) return 'advanced_cap';
  return total >= t.completion.minQuestions ? earlyCompletion(s, t) : undefined;
}

/** What lets the interview end at completion.minQuestions, once it holds: enough skills mapped, or an answer in every phase. */
function earlyCompletion(s: ProgressionState, t: AssessmentThresholds): 'skills_mapped' | 'all_phases_seen' | undefined {
  if (Object.values(s.boundaries).filter(isMapped).length >= t.completion.minSkillsMapped) return 'skills_mapped';
  if (PHASES.every((p) => s.responses.some((r) => r.phase === p))) return 'all_phases_seen';
  return undefined;
}

/** What the interview plans before it knows better (the original showed 15, or 18 once in advanced). */
const PLANNED_TOTAL = { base: 15, advanced: 18 } as const;

/**
 * The `total_questions` the API shows after the latest answer: the original's 15, or 18 once in
 * advanced, unless the interview is known to end sooner — at the advanced phase's cap, or at
 * completion.minQuestions once enough skills are mapped or every phase has an answer (what completes
 * it there already holds) — so a candidate is not shown "11 of 15" and then finished at 12. Never
 * below the number of the next question, never above completion.maxQuestions; once the interview is
 * complete, exactly the number answered.
 */
export function totalQuestionsEstimate(s: ProgressionState, t: AssessmentThresholds): number {
  const answered = s.responses.length;
  if (completionDecision(s, t) !== undefined) return answered;
  const next = answered + 1;
  let end = t.completion.maxQuestions;
  if (s.phase === 'advanced') end = Math.min(end, currentEntry(s).startedAtQuestion + t.caps.advanced - 1);
  if (earlyCompletion(s, t)) end = Math.min(end, Math.max(t.completion.minQuestions, next));
  const planned = s.phase === 'advanced' ? PLANNED_TOTAL.advanced : PLANNED_TOTAL.base;
  return Math.min(t.completion.maxQuestions, Math.max(next, Math.min(end, planned)));
}

// ---------------------------------------------------------------------------------------------
// Reading stored state back

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function readResponse(raw: unknown, i: number, t: AssessmentThresholds): ResponseRecord {
  const fail = (field: string) => new InvalidProgression(`responses[${i}].${field}`);
  if (!isObject(raw)) throw fail('(entry)');
  if (!isCount(raw.questionNumber) || raw.questionNumber < 1) throw fail('questionNumber');
  if (!isPhase(raw.phase)) throw fail('phase');
  if (typeof raw.skillArea !== 'string') throw fail('skillArea');
  for (const f of ['score', 'accuracy', 'confidence'] as const) if (!isNumber(raw[f])) throw fail(f);
  const score = raw.score as number;
  const confidence = raw.confidence as number;
  const accuracy = raw.accuracy as number;
  return {
    questionNumber: raw.questionNumber,
    ...(typeof raw.questionId === 'string' && raw.questionId !== '' ? { questionId: raw.questionId } : {}),
    phase: raw.phase,
    skillArea: normaliseSkillArea(raw.skillArea),
    isFollowUp: raw.isFollowUp === true,
    score,
    accuracy,
    confidence,
    depth: isNumber(raw.depth) ? raw.depth : 0,
    level: isSkillLevel(raw.level) ? raw.level : levelForScore(score),
    classification: raw.classification === BOUNDARY || isSkillLevel(raw.classification)
      ? raw.classification
      : classifyAnswer(confidence, accuracy, t),
  };
}

/** The phase history implied by the answers (used when a stored history is missing or empty). */
function historyFrom(responses: readonly ResponseRecord[], phase: Phase): PhaseEntry[] {
  const history: PhaseEntry[] = [{ phase: 'warmup', startedAtQuestion: 1, questionsCount: 0 }];
  for (const r of responses) {
    let entry = history[history.length - 1]!;
    while (phaseRank(entry.phase) < phaseRank(r.phase)) {
      entry = { phase: nextPhase(entry.phase)!, startedAtQuestion: r.questionNumber, questionsCount: 0 };
      history.push(entry);
    }
    entry.questionsCount += 1;
  }
  const after = (responses[responses.length - 1]?.questionNumber ?? 0) + 1;
  while (phaseRank(history[history.length - 1]!.phase) < phaseRank(phase)) {
    history.push({ phase: nextPhase(history[history.length - 1]!.phase)!, startedAtQuestion: after, questionsCount: 0 });
  }
  return history;
}

/**
 * Reads a stored progression (the JSON column) back into a ProgressionState, instead of a cast.
 * Missing means a fresh interview. A missing or empty phase history — the original's `/start`
 * defect that kept interviews in warmup forever — is rebuilt from the answers; missing
 * skillsExplored and boundaries are rebuilt too (boundary quotes then stay empty). Throws
 * InvalidProgression for anything else that does not fit.
 */
export function readProgression(raw: unknown, t: AssessmentThresholds = DEFAULT_THRESHOLDS): ProgressionState {
  if (raw === null || raw === undefined) return initialProgression();
  if (!isObject(raw)) throw new InvalidProgression('not an object');
  const responsesRaw = raw.responses ?? [];
  if (!Array.isArray(responsesRaw)) throw new InvalidProgression('responses');
  const responses = responsesRaw.map((r, i) => readResponse(r, i, t));
  for (let i = 1; i < responses.length; i++) {
    if (responses[i]!.questionNumber <= responses[i - 1]!.questionNumber) throw new InvalidProgression(`responses[${i}].questionNumber`);
    if (phaseRank(responses[i]!.phase) < phaseRank(responses[i - 1]!.phase)) throw new InvalidProgression(`responses[${i}].phase`);
  }
  const lastAnswerPhase = responses[responses.length - 1]?.phase ?? 'warmup';
  const phase = raw.phase === undefined ? lastAnswerPhase : raw.phase;
  if (!isPhase(phase) || phaseRank(phase) < phaseRank(lastAnswerPhase)) throw new InvalidProgression('phase');

  let phaseHistory: PhaseEntry[];
  if (Array.isArray(raw.phaseHistory) && raw.phaseHistory.length > 0) {
    phaseHistory = raw.phaseHistory.map((e, i) => {
      if (!isObject(e) || !isPhase(e.phase) || !isCount(e.startedAtQuestion) || !isCount(e.questionsCount)) {
        throw new InvalidProgression(`phaseHistory[${i}]`);
      }
      return { phase: e.phase, startedAtQuestion: e.startedAtQuestion, questionsCount: e.questionsCount };
    });
    if (phaseHistory[phaseHistory.length - 1]!.phase !== phase) throw new InvalidProgression('phaseHistory does not end in the current phase');
  } else if (raw.phaseHistory === undefined || Array.isArray(raw.phaseHistory)) {
    phaseHistory = historyFrom(responses, phase);
  } else {
    throw new InvalidProgression('phaseHistory');
  }

  const skillsExplored = Array.isArray(raw.skillsExplored) && raw.skillsExplored.every((s) => typeof s === 'string')
    ? [...new Set(raw.skillsExplored.map((s) => normaliseSkillArea(s as string)))]
    : [...new Set(responses.map((r) => r.skillArea))];

  let boundaries: SkillBoundaryMap;
  if (isObject(raw.boundaries)) {
    for (const [skill, b] of Object.entries(raw.boundaries)) {
      if (!isObject(b) || !isSkillLevel(b.level) || typeof b.boundaryReached !== 'boolean' || !isCount(b.answers)
        || !(b.boundaryPhase === null || isPhase(b.boundaryPhase)) || !Array.isArray(b.evidence)) {
        throw new InvalidProgression(`boundaries.${skill}`);
      }
    }
    boundaries = raw.boundaries as unknown as SkillBoundaryMap;
  } else if (raw.boundaries === undefined) {
    boundaries = {};
    for (const r of responses) {
      boundaries[r.skillArea] = updateBoundary(boundaries[r.skillArea], {
        questionNumber: r.questionNumber, phase: r.phase, classification: r.classification, quote: '',
      });
    }
  } else {
    throw new InvalidProgression('boundaries');
  }
  return { phase, phaseHistory, responses, skillsExplored, boundaries };
}
