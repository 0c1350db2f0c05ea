import type { Grade } from '../../ports/answer-grader.js';
import type { ServedBy } from '../../ports/provider-served.js';
import { boundaryLevels, type SkillBoundaryMap } from './boundaries.js';
import { type Phase, type SkillLevel, SKILL_LEVELS, levelRank, phaseRank } from './levels.js';
import type { ProgressionState } from './progression.js';

export interface ReportTurn {
  questionNumber: number;
  question: string;
  skillArea: string;
  difficulty: Phase;
  isFollowUp: boolean;
  answer: string;
  grade: Grade;
  interviewer: ServedBy;
}

export interface ReportInput {
  interview: { id: string; roleType: string; startedAt: string; completedAt: string };
  turns: readonly ReportTurn[];
  progression: ProgressionState;
}

export interface SkillScore {
  skillArea: string;
  displayName: string;
  score: number;
  level: SkillLevel;
  questions: number;
  /** Exact substrings of the candidate's answers. */
  evidence: string[];
  boundary: { reached: boolean; phase: Phase | null };
}

export type Recommendation = 'advance' | 'hold' | 'decline';

export interface AssessmentReport {
  interviewId: string;
  roleType: string;
  overallScore: number;
  overallLevel: SkillLevel;
  phaseReached: Phase;
  questionsAnswered: number;
  durationSeconds: number;
  skills: SkillScore[];
  skillBoundaryMap: SkillBoundaryMap;
  strengths: Array<{ skillArea: string; title: string; detail: string }>;
  growthAreas: Array<{ skillArea: string; displayName: string; suggestion: string }>;
  recommendation: { decision: Recommendation; reasoning: string };
  providers: Array<{ questionNumber: number; interviewer: ServedBy; grader: ServedBy }>;
  flags: Array<{ questionNumber: number; flags: string[] }>;
}

export interface CompletionSummary {
  skillAssessments: Array<{ skillArea: string; proficiencyLevel: SkillLevel | 'boundary_reached'; displayName: string }>;
  highlights: Array<{ title: string; description: string; skillArea: string | null }>;
  growthAreas: Array<{ skillArea: string; suggestion: string; displayName: string }>;
}

/** Harder questions say more about a candidate: an advanced answer counts twice a warmup one. */
const PHASE_WEIGHT: Record<Phase, number> = { warmup: 1, standard: 1.5, advanced: 2 };

const KNOWN_NAMES: Record<string, string> = {
  react_fundamentals: 'React Fundamentals', react_hooks: 'React Hooks', state_management: 'State Management',
  async_programming: 'Asynchronous Programming', python_basics: 'Python Basics', data_structures: 'Data Structures',
  algorithms: 'Algorithms', web_apis: 'Web APIs', testing: 'Testing', performance_optimization: 'Performance Optimization',
  security: 'Security', databases: 'Databases', general: 'General', ci_cd: 'CI/CD', api_design: 'API Design',
  system_design: 'System Design', devops: 'DevOps', sql: 'SQL',
};

export function displayName(skillArea: string): string {
  return KNOWN_NAMES[skillArea] ??
    skillArea.split(/[_\s-]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
}

export const levelForScore = (score: number): SkillLevel =>
  score >= 80 ? 'expert' : score >= 60 ? 'proficient' : score >= 40 ? 'intermediate' : 'novice';

const round1 = (x: number) => Math.round(x * 10) / 10;

function weightedScore(turns: readonly ReportTurn[]): number {
  const weight = turns.reduce((s, t) => s + PHASE_WEIGHT[t.difficulty], 0);
  return weight === 0 ? 0 : round1(turns.reduce((s, t) => s + t.grade.score * PHASE_WEIGHT[t.difficulty], 0) / weight);
}

/**
 * Recommendation: advance at ≥ 70 overall having reached at least the standard phase; decline
 * below 45, or below 55 without leaving warmup; hold in between (a human should look closer).
 */
function recommend(overall: number, phase: Phase, boundaries: number, answered: number): AssessmentReport['recommendation'] {
  if (answered === 0) {
    return { decision: 'decline', reasoning: 'No questions were answered, so there is no evidence of skill.' };
  }
  const where = `reached the ${phase} phase with an overall score of ${overall}`;
  if (overall >= 70 && phaseRank(phase) >= phaseRank('standard')) {
    return { decision: 'advance', reasoning: `The candidate ${where}${boundaries ? `; skill limits were found in ${boundaries} area(s)` : ''}.` };
  }
  if (overall < 45 || (phase === 'warmup' && overall < 55)) {
    return { decision: 'decline', reasoning: `The candidate ${where}, below the bar for this role.` };
  }
  return { decision: 'hold', reasoning: `The candidate ${where}: mixed evidence, worth a human review of the transcript.` };
}

/** The report of a finished interview. Deterministic: the same input gives a deep-equal report. */
export function buildReport(input: ReportInput): AssessmentReport {
  const turns = [...input.turns].sort((a, b) => a.questionNumber - b.questionNumber);
  const overallScore = weightedScore(turns);
  const map = input.progression.boundaries;
  const skillAreas = [...new Set(turns.map((t) => t.skillArea))].sort();
  const skills: SkillScore[] = skillAreas.map((skillArea) => {
    const own = turns.filter((t) => t.skillArea === skillArea);
    const score = weightedScore(own);
    const evidence = [...new Set(own.flatMap((t) => t.grade.evidence.filter((q) => q.trim() !== '' && t.answer.includes(q))))].slice(0, 3);
    const b = map[skillArea];
    return {
      skillArea, displayName: displayName(skillArea), score, level: levelForScore(score), questions: own.length, evidence,
      boundary: { reached: b?.boundaryReached ?? false, phase: b?.boundaryPhase ?? null },
    };
  }).sort((a, b) => b.score - a.score || a.skillArea.localeCompare(b.skillArea));

  const strengths = skills
    .filter((s) => s.score >= 70)
    .slice(0, 5)
    .map((s) => ({
      skillArea: s.skillArea,
      title: `Strong ${s.displayName}`,
      detail: `Scored ${s.score} over ${s.questions} question(s) at ${s.level} level${s.boundary.reached ? '' : ' without reaching a limit'}.`,
    }));
  const growthAreas = skills
    .filter((s) => s.score < 60 || s.boundary.reached)
    .sort((a, b) => a.score - b.score || a.skillArea.localeCompare(b.skillArea))
    .slice(0, 5)
    .map((s) => {
      const missing = [...new Set(turns.filter((t) => t.skillArea === s.skillArea).flatMap((t) => t.grade.missingPoints))].slice(0, 2);
      return {
        skillArea: s.skillArea,
        displayName: s.displayName,
        suggestion: missing.length > 0
          ? `Study ${s.displayName}: ${missing.join('; ')}.`
          : `Deepen ${s.displayName}: practise explaining the reasons and trade-offs, not only the definitions.`,
      };
    });
  const start = Date.parse(input.interview.startedAt);
  const end = Date.parse(input.interview.completedAt);
  const boundaries = Object.values(map).filter((b) => b.boundaryReached).length;
  return {
    interviewId: input.interview.id,
    roleType: input.interview.roleType,
    overallScore,
    overallLevel: levelForScore(overallScore),
    phaseReached: input.progression.phase,
    questionsAnswered: turns.length,
    durationSeconds: Number.isFinite(end - start) ? Math.max(0, Math.round((end - start) / 1000)) : 0,
    skills,
    skillBoundaryMap: map,
    strengths,
    growthAreas,
    recommendation: recommend(overallScore, input.progression.phase, boundaries, turns.length),
    providers: turns.map((t) => ({ questionNumber: t.questionNumber, interviewer: t.interviewer, grader: t.grade.servedBy })),
    flags: turns.filter((t) => t.grade.flags.length > 0).map((t) => ({ questionNumber: t.questionNumber, flags: [...t.grade.flags] })),
  };
}

const ORDER: Array<SkillLevel | 'boundary_reached'> = [...[...SKILL_LEVELS].reverse(), 'boundary_reached'];

/** The pieces of the frontend's completion payload, derived from the report. */
export function completionSummary(report: AssessmentReport): CompletionSummary {
  const levels = boundaryLevels(report.skillBoundaryMap);
  const skillAssessments = report.skills
    .map((s) => ({
      skillArea: s.skillArea,
      proficiencyLevel: (levels[s.skillArea] === 'boundary_reached' && levelRank(s.level) <= levelRank('intermediate')
        ? 'boundary_reached' : s.level) as SkillLevel | 'boundary_reached',
      displayName: s.displayName,
    }))
    .sort((a, b) => ORDER.indexOf(a.proficiencyLevel) - ORDER.indexOf(b.proficiencyLevel) || a.skillArea.localeCompare(b.skillArea));
  const highlights: CompletionSummary['highlights'] = report.strengths
    .slice(0, 2)
    .map((s) => ({ title: s.title, description: s.detail, skillArea: s.skillArea }));
  highlights.push({
    title: report.questionsAnswered >= 10 ? 'Thorough interview' : report.questionsAnswered > 0 ? 'Interview completed' : 'Thanks for participating',
    description: `You answered ${report.questionsAnswered} question(s) and reached the ${report.phaseReached} phase.`,
    skillArea: null,
  });
  const growthAreas = report.growthAreas.slice(0, 3).map((g) => ({ skillArea: g.skillArea, suggestion: g.suggestion, displayName: g.displayName }));
  return { skillAssessments, highlights: highlights.slice(0, 3), growthAreas };
}
