import { type Phase, PHASES } from '../../domain/assessment/levels.js';
import { canonicalSkill } from '../../domain/skills/normalise.js';
import type { Interviewer, InterviewQuestion, QuestionRequest } from '../../ports/interviewer.js';
import type { AiCallOptions, ServedBy } from '../../ports/provider-served.js';
import { QUESTION_BANK } from './question-bank/index.js';
import { tagName, tagSkill } from './question-bank/tag-names.js';
import { type BankQuestion, ROLE_IDS } from './question-bank/types.js';

export const QUESTION_BANK_INTERVIEWER: ServedBy = { provider: 'offline', model: 'question-bank-v1' };

/** Partial answers (between these scores) with missing points earn one follow-up. */
const FOLLOW_UP_BAND = { min: 35, max: 70 } as const;
/** A follow-up opens with praise only for a partial answer scoring at least this. */
const FOLLOW_UP_PRAISE_FROM = 50;
/** At most one follow-up in this many questions, so follow-ups never dominate. */
const FOLLOW_UP_SPACING = 4;

/**
 * The order of the pools a phase draws from. A phase never gets an easier question while a question
 * of its own difficulty or a harder one remains: first the role's own (its difficulty, then harder:
 * a harder question on the role's subject still maps where the skill ends), then fullstack's (the web
 * and backend fundamentals every role shares) the same way; only then easier ones, the nearest
 * difficulty first, the role's before fullstack's. A question keeps its own difficulty (see fromBank).
 */
function poolOrder(role: string, phase: Phase): Array<{ role: string; difficulty: Phase }> {
  const roles = role === 'fullstack' ? ['fullstack'] : [role, 'fullstack'];
  const rank = PHASES.indexOf(phase);
  const notEasier = PHASES.slice(rank);
  const easier = PHASES.slice(0, rank).reverse();
  return [
    ...roles.flatMap((r) => notEasier.map((difficulty) => ({ role: r, difficulty }))),
    ...easier.flatMap((difficulty) => roles.map((r) => ({ role: r, difficulty }))),
  ];
}

/** FNV-1a over a string: a stable, well-spread number for deterministic variety. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const abortError = () => Object.assign(new Error('The question request was aborted'), { name: 'AbortError' });

/**
 * The offline interviewer: picks from a curated bank by role and phase, adapts to what has been
 * explored, where the candidate's limits are and what their resume or the job asks for, and
 * follows up on the missing points of a partial answer. Deterministic: same request, same question.
 */
export class QuestionBankInterviewer implements Interviewer {
  private readonly roles = new Set<string>();
  /** The bank by `role:difficulty`, the pools poolOrder names (built once, not filtered per question). */
  private readonly pools = new Map<string, BankQuestion[]>();
  /** Each question's tags with the taxonomy's name for them (what resume and job skills are compared with). */
  private readonly skillsOf = new Map<BankQuestion, Array<{ tag: string; skill: string }>>();

  constructor(bank: readonly BankQuestion[] = QUESTION_BANK) {
    for (const q of bank) {
      this.skillsOf.set(q, q.tags.map((tag) => ({ tag, skill: tagSkill(tag) })));
      this.roles.add(q.role);
      const pool = this.pools.get(`${q.role}:${q.difficulty}`) ?? [];
      pool.push(q);
      this.pools.set(`${q.role}:${q.difficulty}`, pool);
    }
  }

  supportedRoles(): readonly string[] {
    return ROLE_IDS.filter((r) => this.roles.has(r));
  }

  async nextQuestion(request: QuestionRequest, options: AiCallOptions = {}): Promise<InterviewQuestion> {
    if (options.signal?.aborted) throw abortError();
    if (!this.roles.has(request.roleType)) {
      throw new Error(`The offline interviewer has no questions for role "${request.roleType}"`);
    }
    const question = this.followUp(request) ?? this.fromBank(request);
    if (options.onToken) await streamWords(question.text, options);
    return question;
  }

  private followUp(request: QuestionRequest): InterviewQuestion | undefined {
    const last = request.history[request.history.length - 1];
    if (!last || last.isFollowUp || last.score === undefined || !last.missingPoints?.length) return undefined;
    if (last.score < FOLLOW_UP_BAND.min || last.score > FOLLOW_UP_BAND.max) return undefined;
    const recent = request.history.slice(-FOLLOW_UP_SPACING);
    if (recent.some((h) => h.isFollowUp)) return undefined;
    const missing = last.missingPoints.slice(0, 2);
    // Key points are rubric notes of any shape (a noun phrase, a clause, a fragment) with their own
    // casing (ACID, ES modules): named as written, never bent into "explain how …".
    const points = missing.map((p) => p.trim().replace(/[.]$/, ''));
    // "Good start" only for an answer that was about half right or better: a weak partial answer is not praised.
    const opening = last.score >= FOLLOW_UP_PRAISE_FROM ? 'Good start.' : "Let's go a little deeper.";
    const text = points.length === 1
      ? `${opening} One point your answer did not cover: ${points[0]}. Can you explain it?`
      : `${opening} Two points your answer did not cover: ${points[0]}; and ${points[1]}. Can you explain them?`;
    return {
      text,
      skillArea: last.skillArea,
      difficulty: last.difficulty,
      isFollowUp: true,
      keyPoints: missing,
      servedBy: QUESTION_BANK_INTERVIEWER,
    };
  }

  private fromBank(request: QuestionRequest): InterviewQuestion {
    const askedIds = new Set(request.history.map((h) => h.questionId).filter(Boolean));
    const askedTexts = new Set(request.history.map((h) => h.text.trim().toLowerCase()));
    const unused = (q: BankQuestion) => !askedIds.has(q.id) && !askedTexts.has(q.text.trim().toLowerCase());
    // Skills compared by the taxonomy's names: "Next.js", "nextjs" and "next.js" are one skill.
    // The role's own subject is left out: in a Python interview every question is about Python, and
    // "Your background mentions Python." would say nothing (the resume's Django or Docker does).
    const subject = canonicalSkill(request.roleType);
    const claimed = new Set((request.resumeSkills ?? []).map(canonicalSkill).filter((s) => s !== subject));
    const wanted = new Set([...claimed, ...(request.job?.requiredSkills ?? []).map(canonicalSkill).filter((s) => s !== subject)]);
    const explored = new Set(request.skillsExplored);
    const boundaries = new Set(request.boundarySkills);
    const seed = hash(`${request.interviewId}:${request.history.length}`);

    for (const { role, difficulty } of poolOrder(request.roleType, request.phase)) {
      const candidates = (this.pools.get(`${role}:${difficulty}`) ?? []).filter(unused);
      if (candidates.length === 0) continue;
      // Every third question favours the candidate's claimed skills, when any question probes them.
      const favourClaims = wanted.size > 0 && request.history.length % 3 === 0;
      const scored = candidates.map((q) => {
        let score = 0;
        if (!explored.has(q.skillArea)) score += 4;
        if (boundaries.has(q.skillArea)) score -= 6;
        const claims = this.skillsOf.get(q)!.filter((t) => wanted.has(t.skill)).length;
        if (claims > 0) score += favourClaims ? 8 : 1;
        return { q, score, tie: hash(`${seed}:${q.id}`) };
      });
      scored.sort((a, b) => b.score - a.score || a.tie - b.tie);
      const chosen = scored[0]!.q;
      const claim = favourClaims ? this.skillsOf.get(chosen)!.find((t) => wanted.has(t.skill)) : undefined;
      // Said as what it is: the candidate's own claim (the resume), else what the job asks for; said
      // once per skill (the skill is still favoured later, without the same sentence again).
      const said = !claim ? '' : claimed.has(claim.skill)
        ? `Your background mentions ${tagName(claim.tag)}. `
        : `This role calls for ${tagName(claim.tag)}. `;
      const lead = said && !request.history.some((h) => h.text.startsWith(said)) ? said : '';
      return {
        questionId: chosen.id,
        text: `${lead}${chosen.text}`,
        skillArea: chosen.skillArea,
        // The question's own difficulty (the report weighs answers by it): the phase's while the role has questions of it (see poolOrder).
        difficulty: chosen.difficulty,
        isFollowUp: false,
        referenceAnswer: chosen.referenceAnswer,
        keyPoints: [...chosen.keyPoints],
        servedBy: QUESTION_BANK_INTERVIEWER,
      };
    }
    throw new Error(`The question bank has no unused question left for role "${request.roleType}"`);
  }
}

/** Emits a text word by word, yielding to the event loop between words so each one is flushed. */
export async function streamWords(text: string, options: AiCallOptions): Promise<void> {
  for (const word of text.match(/\S+\s*/g) ?? []) {
    if (options.signal?.aborted) throw abortError();
    options.onToken!(word);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

