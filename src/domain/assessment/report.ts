import type { Grade } from '../../ports/answer-grader.js';
import type { ServedBy } from '../../ports/provider-served.js';
import { boundaryQuestion, compareText, quoteOf, type SkillBoundaryMap } from './boundaries.js';
import { levelForScore, levelRank, type Phase, phaseRank, type SkillLevel } from './levels.js';
import { type ProgressionState, resolveSkillArea } from './progression.js';
import { spelledWord } from '../skills/spelling.js';

/** What the report needs from a grade (a full Grade fits). */
export type ReportGrade = Pick<Grade, 'score' | 'evidence' | 'missingPoints' | 'flags' | 'servedBy'> & Partial<Pick<Grade, 'skillArea'>>;

/** One answered question of the transcript. */
export interface ReportTurn {
  questionNumber: number;
  question: string;
  /** The question's skill area; the progression's record of the answer wins when it has one. */
  skillArea: string;
  /** The question's difficulty: it sets the answer's weight. */
  difficulty: Phase;
  isFollowUp: boolean;
  answer: string;
  grade: ReportGrade;
  /** Who asked the question. */
  interviewer: ServedBy;
}

export interface ReportInput {
  /** startedAt and completedAt are ISO-8601 strings. */
  interview: { id: string; roleType: string; startedAt: string; completedAt: string };
  turns: readonly ReportTurn[];
  progression: ProgressionState;
}

export interface SkillScore {
  skillArea: string;
  displayName: string;
  /** 0–100, integer: the difficulty-weighted mean of the skill's answers. */
  score: number;
  level: SkillLevel;
  /** Answers credited to the skill. */
  questions: number;
  /** Exact substrings of the candidate's answers in this skill (at most 3). */
  evidence: string[];
  boundary: { reached: boolean; phase: Phase | null };
}

export type Recommendation = 'advance' | 'hold' | 'decline';

export interface AssessmentReport {
  interviewId: string;
  roleType: string;
  /** 0–100, integer. */
  overallScore: number;
  overallLevel: SkillLevel;
  phaseReached: Phase;
  questionsAnswered: number;
  durationSeconds: number;
  /** Highest score first. */
  skills: SkillScore[];
  skillBoundaryMap: SkillBoundaryMap;
  /** At most 5, strongest first. */
  strengths: Array<{ skillArea: string; title: string; detail: string }>;
  /** At most 5, weakest first, each with a suggestion; never empty (see defaultGrowthArea). */
  growthAreas: Array<{ skillArea: string; displayName: string; suggestion: string }>;
  recommendation: { decision: Recommendation; reasoning: string };
  /** Who asked and who graded each answered question. */
  providers: Array<{ questionNumber: number; interviewer: ServedBy; grader: ServedBy }>;
  /** Grader flags (gibberish, prompt_injection…) per answer, for answers that have any. */
  flags: Array<{ questionNumber: number; flags: string[] }>;
}

export interface CompletionSummary {
  /** Expert first, down to novice. */
  skillAssessments: Array<{ skillArea: string; proficiencyLevel: SkillLevel; displayName: string }>;
  /** At most 3. */
  highlights: Array<{ title: string; description: string; skillArea: string | null }>;
  /** At most 3, never empty. */
  growthAreas: Array<{ skillArea: string; suggestion: string; displayName: string }>;
  /**
   * Skills the boundary map places (each with the level its answers showed, its limit where one was
   * found): the payload's `skill_boundaries_identified` count, which in the replaced system counted
   * the keys of its skill → level map, and the entries of a turn's `session_state.skill_boundaries`.
   */
  boundariesIdentified: number;
}

/**
 * Weight of an answer by the difficulty of its question. A good answer to an advanced question is
 * stronger evidence than one to a warmup question, and a candidate who fails only the hardest
 * questions should not score like one who fails the easy ones; but warmup still counts, so a
 * candidate who never left warmup is scored on what they did show.
 */
export const PHASE_WEIGHT: Readonly<Record<Phase, number>> = Object.freeze({ warmup: 1, standard: 1.5, advanced: 2 });

/**
 * A follow-up probes the missing points of the answer before it, on the same topic: at full weight
 * one topic would count twice (and a weak answer be punished twice).
 */
export const FOLLOW_UP_WEIGHT = 0.5;

/**
 * The recommendation rules, on the overall score, the phase reached and the skill boundaries:
 * - decline: no answers; or overall < declineBelow; or still in warmup with overall < warmupDeclineBelow
 *   (45 is barely above the novice band's 40: most answers novice or weak intermediate; in warmup
 *   even the basics were not passed, so the bar is higher).
 * - advance: overall ≥ advanceFrom (between the proficient band's 60 and expert's 80: consistently
 *   proficient with some expert answers), a standard question or harder answered, at least
 *   advanceMinAnswers answers (the fewest with which the progression can pass both warmup, 2, and
 *   standard, 4: an interview ended early on two good answers is too little evidence to advance on),
 *   no skill that ran out in warmup (a gap in the fundamentals), and boundaries in at most half the
 *   skills explored.
 * - hold: everything else — mixed evidence a person should look at.
 * The phase reached is the hardest phase of a question the candidate answered, not the phase the
 * interview had moved to when it ended (a question asked but never answered shows nothing).
 */
export const RECOMMENDATION_RULES = Object.freeze({
  declineBelow: 45,
  warmupDeclineBelow: 55,
  advanceFrom: 70,
  advanceMinPhase: 'standard' as Phase,
  advanceMinAnswers: 6,
  advanceMaxBoundaryShare: 0.5,
});

/** A skill scoring at least this is a strength; below growthBelow (or at a boundary) a growth area. */
const STRENGTH_FROM = 70;
const GROWTH_BELOW = 60;
const MAX_LISTED = 5;
const MAX_EVIDENCE = 3;

const KNOWN_NAMES: Readonly<Record<string, string>> = Object.freeze({
  general: 'General', general_experience: 'General Experience',
  react_fundamentals: 'React Fundamentals', react_hooks: 'React Hooks', state_management: 'State Management',
  async_programming: 'Asynchronous Programming', python_basics: 'Python Basics', data_structures: 'Data Structures',
  algorithms: 'Algorithms', web_apis: 'Web APIs', testing: 'Testing', performance_optimization: 'Performance Optimization',
  security: 'Security', database: 'Databases', databases: 'Databases', ci_cd: 'CI/CD', api_design: 'API Design',
  system_design: 'System Design', devops: 'DevOps', javascript: 'JavaScript', typescript: 'TypeScript',
  nodejs: 'Node.js', node: 'Node.js', graphql: 'GraphQL', oop: 'Object-Oriented Programming', kubernetes: 'Kubernetes',
});

/** Short words kept lower-case inside a name ("Infrastructure as Code"). */
const MINOR_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with', 'vs']);

/** A skill area for people: a known name, else Title Case with known acronyms and product names spelled as they are. */
export function displayName(skillArea: string): string {
  const key = skillArea.trim().toLowerCase();
  const known = KNOWN_NAMES[key];
  if (known) return known;
  const words = key.split(/[_\s-]+/).filter(Boolean);
  if (words.length === 0) return 'General';
  return words
    .map((w, i) => spelledWord(w) ?? (i > 0 && MINOR_WORDS.has(w) ? w : w[0]!.toUpperCase() + w.slice(1)))
    .join(' ');
}

const clampScore = (s: number) => (Number.isFinite(s) ? Math.min(100, Math.max(0, s)) : 0);
const weightOf = (t: ReportTurn) => PHASE_WEIGHT[t.difficulty] * (t.isFollowUp ? FOLLOW_UP_WEIGHT : 1);

function weightedScore(turns: readonly ReportTurn[]): number {
  const weight = turns.reduce((s, t) => s + weightOf(t), 0);
  return weight === 0 ? 0 : Math.round(turns.reduce((s, t) => s + clampScore(t.grade.score) * weightOf(t), 0) / weight);
}

/** The hardest phase of the answered questions (warmup when there are none). */
const hardestPhase = (turns: readonly ReportTurn[]): Phase =>
  turns.reduce<Phase>((p, t) => (phaseRank(t.difficulty) > phaseRank(p) ? t.difficulty : p), 'warmup');

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** "1 answer", "3 answers". */
const counted = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Best answers first (then in question order): evidence and examples come from what the candidate did best. */
const bestFirst = (turns: readonly ReportTurn[]): ReportTurn[] =>
  [...turns].sort((a, b) => clampScore(b.grade.score) - clampScore(a.grade.score) || a.questionNumber - b.questionNumber);

/**
 * A quote inside a sentence of the report, marked "…" when the answer it comes from goes on in the
 * same sentence (an answer's opening is cut at a word).
 */
function quoted(quote: string, answers: readonly string[]): string {
  const answer = answers.find((a) => a.includes(quote));
  const rest = answer === undefined ? '' : answer.slice(answer.indexOf(quote) + quote.length).trimStart();
  const cut = rest !== '' && !/[.!?;:]["')\]]?$/.test(quote) && !/^[.!?;:,]/.test(rest);
  return `"${quote}${cut ? '…' : ''}"`;
}

/** The grader's evidence that really is in the answer, best answers first; else the best answer's opening, verbatim. */
function evidenceOf(turns: readonly ReportTurn[]): string[] {
  const ranked = bestFirst(turns);
  const found = unique(ranked.flatMap((t) => t.grade.evidence.filter((q) => typeof q === 'string' && q.trim() !== '' && t.answer.includes(q))));
  if (found.length > 0) return found.slice(0, MAX_EVIDENCE);
  const best = ranked[0];
  const opening = best ? quoteOf(best.answer) : '';
  return opening !== '' && best!.answer.includes(opening) ? [opening] : [];
}

function recommend(
  overall: number, phase: Phase, skills: readonly SkillScore[], answered: number, noviceAnswers: number,
): AssessmentReport['recommendation'] {
  const r = RECOMMENDATION_RULES;
  if (answered === 0) return { decision: 'decline', reasoning: 'No questions were answered, so there is no evidence of skill.' };
  const limited = skills.filter((s) => s.boundary.reached);
  const warmupGaps = limited.filter((s) => s.boundary.phase === 'warmup');
  const facts = `Overall score ${overall}/100 over ${counted(answered, 'answer')}, reaching the ${phase} phase`
    + (limited.length > 0
      ? `; skill limits found in ${limited.length} of ${counted(skills.length, 'skill')} (${limited.map((s) => s.displayName).join(', ')})`
      : '; no skill limit found');
  if (overall < r.declineBelow) {
    return { decision: 'decline', reasoning: `${facts}. The score is below ${r.declineBelow}; ${noviceAnswers} of ${counted(answered, 'answer')} were at novice level.` };
  }
  if (phase === 'warmup' && overall < r.warmupDeclineBelow) {
    return { decision: 'decline', reasoning: `${facts}. The warmup questions were not passed and the score is below ${r.warmupDeclineBelow}.` };
  }
  const blockers: string[] = [];
  if (overall < r.advanceFrom) blockers.push(`the score is below ${r.advanceFrom}`);
  if (phaseRank(phase) < phaseRank(r.advanceMinPhase)) blockers.push(`the ${r.advanceMinPhase} phase was not reached`);
  if (answered < r.advanceMinAnswers) {
    blockers.push(`${counted(answered, 'answer')} ${answered === 1 ? 'is' : 'are'} too few to advance on (at least ${r.advanceMinAnswers})`);
  }
  if (warmupGaps.length > 0) blockers.push(`fundamentals ran out in ${warmupGaps.map((s) => s.displayName).join(', ')}`);
  if (skills.length > 0 && limited.length / skills.length > r.advanceMaxBoundaryShare) blockers.push('most skills reached their limit');
  if (blockers.length === 0) {
    return {
      decision: 'advance',
      reasoning: `${facts}. Every advance criterion is met: a score of at least ${r.advanceFrom}, the ${r.advanceMinPhase} phase or later, `
        + `at least ${r.advanceMinAnswers} answers, no skill ran out in warmup, limits in at most half the skills.`,
    };
  }
  return { decision: 'hold', reasoning: `${facts}. Mixed evidence (${blockers.join('; ')}): worth a human review of the transcript.` };
}

/**
 * The report of a finished interview, from the transcript and the final progression state alone.
 * Deterministic: the same input gives a deep-equal report (no clock, no locale-dependent sorting).
 * Each answer is credited to the skill the progression recorded for it (the grade's skill area
 * when it had one), falling back to the turn's own, so skill scores and the boundary map agree.
 */
export function buildReport(input: ReportInput): AssessmentReport {
  const recorded = new Map(input.progression.responses.map((r) => [r.questionNumber, r.skillArea]));
  const turns = [...input.turns]
    .sort((a, b) => a.questionNumber - b.questionNumber)
    .map((t) => ({ ...t, skillArea: recorded.get(t.questionNumber) ?? resolveSkillArea(t.grade.skillArea, t.skillArea) }));
  const map = input.progression.boundaries;
  const overallScore = weightedScore(turns);

  // Each skill's answers, in question order, grouped once.
  const bySkill = new Map<string, ReportTurn[]>();
  for (const t of turns) {
    const own = bySkill.get(t.skillArea);
    if (own) own.push(t);
    else bySkill.set(t.skillArea, [t]);
  }

  const skills: SkillScore[] = [...bySkill].map(([skillArea, own]) => {
    const score = weightedScore(own);
    const b = map[skillArea];
    return {
      skillArea, displayName: displayName(skillArea), score, level: levelForScore(score), questions: own.length,
      evidence: evidenceOf(own), boundary: { reached: b?.boundaryReached ?? false, phase: b?.boundaryPhase ?? null },
    };
  }).sort((a, b) => b.score - a.score || b.questions - a.questions || compareText(a.skillArea, b.skillArea));

  const hardest = (skillArea: string) => hardestPhase(bySkill.get(skillArea)!);

  const strengths = skills.filter((s) => s.score >= STRENGTH_FROM).slice(0, MAX_LISTED).map((s) => ({
    skillArea: s.skillArea,
    title: `${s.level === 'expert' ? 'Expert' : 'Solid'} ${s.displayName}`,
    detail: `${s.score}/100 over ${counted(s.questions, 'answer')}, up to ${hardest(s.skillArea)} questions`
      + `${s.boundary.reached ? `; the limit was found at ${s.boundary.phase} level` : ''}`
      + `${s.evidence[0] ? `. For example: ${quoted(s.evidence[0], bySkill.get(s.skillArea)!.map((t) => t.answer))}` : '.'}`,
  }));
  const strong = new Set(strengths.map((s) => s.skillArea));

  // A skill is listed once: a strength whose limit was found says so in its detail, not again here.
  const growthAreas = skills
    .filter((s) => !strong.has(s.skillArea) && (s.score < GROWTH_BELOW || s.boundary.reached))
    .sort((a, b) => a.score - b.score || compareText(a.skillArea, b.skillArea))
    .slice(0, MAX_LISTED)
    .map((s) => {
      // What to review: the points missed where the limit was found first, then in the weakest answers.
      const own = bySkill.get(s.skillArea)!;
      const b = map[s.skillArea];
      const limit = b ? boundaryQuestion(b) : undefined;
      const order = [...own].sort((a, b) => Number(b.questionNumber === limit) - Number(a.questionNumber === limit)
        || clampScore(a.grade.score) - clampScore(b.grade.score) || a.questionNumber - b.questionNumber);
      const missing = unique(order.flatMap((t) => t.grade.missingPoints)).slice(0, 2);
      // Where to start: at the limit, unless every answer in the skill was at novice level (its basics are not shown either).
      const shown = own.some((t) => levelRank(levelForScore(clampScore(t.grade.score))) > levelRank('novice'));
      const where = !s.boundary.reached ? ''
        : shown || s.boundary.phase === 'warmup' ? ` Your answers ran out at ${s.boundary.phase} level: start there.`
          : ` Your answers ran out at ${s.boundary.phase} level, all at novice level: start with the fundamentals.`;
      return {
        skillArea: s.skillArea,
        displayName: s.displayName,
        suggestion: missing.length > 0
          ? `Review ${s.displayName}. Points your answers missed: ${missing.join('; ')}.${where}`
          : `Deepen ${s.displayName}: practise explaining why and when, with trade-offs and an example from your own work.${where}`,
      };
    });

  const phaseReached = hardestPhase(turns);
  if (growthAreas.length === 0) growthAreas.push(defaultGrowthArea(skills));
  const start = Date.parse(input.interview.startedAt);
  const end = Date.parse(input.interview.completedAt);
  return {
    interviewId: input.interview.id,
    roleType: input.interview.roleType,
    overallScore,
    overallLevel: levelForScore(overallScore),
    phaseReached,
    questionsAnswered: turns.length,
    durationSeconds: Number.isFinite(end - start) ? Math.max(0, Math.round((end - start) / 1000)) : 0,
    skills,
    skillBoundaryMap: JSON.parse(JSON.stringify(map)) as SkillBoundaryMap,
    strengths,
    growthAreas,
    recommendation: recommend(overallScore, phaseReached, skills, turns.length, turns.filter((t) => levelForScore(clampScore(t.grade.score)) === 'novice').length),
    providers: turns.map((t) => ({ questionNumber: t.questionNumber, interviewer: { ...t.interviewer }, grader: { ...t.grade.servedBy } })),
    flags: turns.filter((t) => t.grade.flags.length > 0).map((t) => ({ questionNumber: t.questionNumber, flags: [...t.grade.flags] })),
  };
}

/** The skills the report's boundary map places (see CompletionSummary.boundariesIdentified). */
export const boundariesIdentified = (report: AssessmentReport): number => Object.keys(report.skillBoundaryMap).length;

/**
 * The growth area of a report whose skills all did well, or that has none: a stretch goal in the
 * weakest skill, or the advice to complete an interview (the original's defaults did the same), so
 * growth areas are never empty and the report and the completion payload list the same ones.
 */
function defaultGrowthArea(skills: readonly SkillScore[]): AssessmentReport['growthAreas'][number] {
  const weakest = skills[skills.length - 1];
  return weakest
    ? {
      skillArea: weakest.skillArea,
      displayName: weakest.displayName,
      suggestion: `Stretch ${weakest.displayName} further: take on advanced edge cases, architecture and trade-off questions.`,
    }
    : { skillArea: 'general', displayName: 'General', suggestion: 'Complete a full interview so your skills can be assessed.' };
}

/** The original's participation highlight, by number of answers. */
function participation(answered: number): CompletionSummary['highlights'][number] {
  const [title, description] = answered >= 10
    ? ['Great engagement', `You answered ${answered} questions in depth.`]
    : answered >= 5
      ? ['Active participation', `You answered ${answered} questions.`]
      : answered >= 1
        ? ['Short interview', `You answered ${counted(answered, 'question')}; a full interview shows more of your skills.`]
        : ['Thanks for participating', 'No question was answered, so there is no feedback on your skills yet.'];
  return { title, description, skillArea: null };
}

/**
 * The pieces of the frontend's `POST /complete` payload (camelCase; the HTTP layer maps names):
 * skill assessments sorted expert → novice; up to two strengths plus a participation highlight;
 * up to three growth areas — never none: a strong candidate gets a stretch goal in their weakest
 * skill, an empty interview the advice to complete one (the original's defaults did the same).
 */
export function completionSummary(report: AssessmentReport): CompletionSummary {
  const skillAssessments = report.skills
    .map((s) => ({ skillArea: s.skillArea, proficiencyLevel: s.level, displayName: s.displayName, score: s.score }))
    .sort((a, b) => levelRank(b.proficiencyLevel) - levelRank(a.proficiencyLevel) || b.score - a.score || compareText(a.skillArea, b.skillArea))
    .map(({ skillArea, proficiencyLevel, displayName: name }) => ({ skillArea, proficiencyLevel, displayName: name }));

  const highlights: CompletionSummary['highlights'] = report.strengths
    .slice(0, 2)
    .map((s) => ({ title: s.title, description: s.detail, skillArea: s.skillArea }));
  highlights.push(participation(report.questionsAnswered));

  // A report stored before growth areas were never empty may have none: the same default as buildReport's.
  const listed = report.growthAreas.length > 0 ? report.growthAreas : [defaultGrowthArea(report.skills)];
  const growthAreas: CompletionSummary['growthAreas'] = listed
    .slice(0, 3)
    .map((g) => ({ skillArea: g.skillArea, suggestion: g.suggestion, displayName: g.displayName }));
  return {
    skillAssessments,
    highlights: highlights.slice(0, 3),
    growthAreas,
    boundariesIdentified: boundariesIdentified(report),
  };
}
