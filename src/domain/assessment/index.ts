// The assessment module's public door: pure rules of progressive assessment and reporting.
export {
  PHASES, type Phase, SKILL_LEVELS, type SkillLevel, BOUNDARY, type BoundaryLevel, SCORE_BANDS,
  levelRank, phaseRank, nextPhase, isPhase, isSkillLevel, isStrong, levelForScore,
} from './levels.js';
export { type AssessmentThresholds, DEFAULT_THRESHOLDS, InvalidThresholds, validateThresholds } from './thresholds.js';
export {
  type BoundaryEvidence, type SkillBoundary, type SkillBoundaryMap, type BoundarySummary,
  classifyAnswer, quoteOf, updateBoundary, strongAnswers, isMapped, boundaryLevels, boundarySkills, mappedSkills,
  summariseBoundaries,
} from './boundaries.js';
export {
  type PhaseEntry, type ResponseRecord, type ProgressionState, type CompletionReason, type AnswerInput,
  type AnswerOutcome, type BoundaryDetection, AnswerOutOfOrder, InvalidProgression,
  initialProgression, recordAnswer, advanceDecision, completionDecision, totalQuestionsEstimate, boundaryDetections,
  normaliseSkillArea, resolveSkillArea, readProgression,
} from './progression.js';
export {
  type ReportGrade, type ReportTurn, type ReportInput, type SkillScore, type Recommendation, type AssessmentReport,
  type CompletionSummary, PHASE_WEIGHT, FOLLOW_UP_WEIGHT, RECOMMENDATION_RULES, boundariesIdentified, buildReport, completionSummary, displayName,
} from './report.js';
