import { initialProgression } from '../../assessment/index.js';
import type { Resume } from '../../resumes/resume.js';
import type { Clock } from '../../../ports/clock.js';
import type { IdGenerator } from '../../../ports/id-generator.js';
import type { Logger } from '../../../ports/logger.js';
import type { Interviewer } from '../../../ports/interviewer.js';
import type { AiCallRecord } from '../../../ports/provider-served.js';
import type { UnitOfWork } from '../../../ports/unit-of-work.js';
import { costOf, type PriceTable, priceCall, recordUnsavedCalls, tokensOf } from '../costs.js';
import { ApplicationNotFound, ResumeNotFound, RoleRequired, UnknownRole } from '../errors.js';
import type { Interview, InterviewMessage } from '../interview.js';
import { normaliseRole } from '../roles.js';
import { askedRecord, questionMessage, toPending } from './turns.js';

export interface StartInterviewInput {
  candidateId: string;
  roleType?: string | null;
  resumeId?: string | null;
  applicationId?: string | null;
  /** Aborts the first question's AI call (the client went away): nothing is stored then. */
  signal?: AbortSignal;
}

/** Creates an interview in progress with its first question stored as message 1. */
export class StartInterview {
  constructor(
    private readonly deps: { uow: UnitOfWork; interviewer: Interviewer; clock: Clock; ids: IdGenerator; prices: PriceTable; logger?: Logger },
  ) {}

  async execute(input: StartInterviewInput): Promise<{ interview: Interview; firstQuestion: InterviewMessage }> {
    const { uow, interviewer, clock, ids } = this.deps;
    if (input.applicationId) throw new ApplicationNotFound(input.applicationId);
    if (!input.roleType) throw new RoleRequired();
    const roles = interviewer.supportedRoles();
    const roleType = normaliseRole(input.roleType);
    if (!roles.includes(roleType)) throw new UnknownRole(input.roleType, roles);

    const resume = input.resumeId
      ? await uow.repositories.resumes.findOwned(input.candidateId, input.resumeId)
      : await uow.repositories.resumes.findActive(input.candidateId);
    if (input.resumeId && !resume) throw new ResumeNotFound(input.resumeId);

    const id = ids.newId();
    const now = clock.now();
    const context = { resumeSkills: resume?.parsed?.skills ?? [] };
    const progression = initialProgression();
    const calls: AiCallRecord[] = [];
    try {
      return await this.started(input, { id, now, roleType, resume, context, progression, calls });
    } catch (error) {
      // The first question's AI calls were made (and billed) though no interview was stored: the usage log keeps them for none.
      await recordUnsavedCalls(this.deps, null, calls);
      throw error;
    }
  }

  /** The first question asked and the interview stored with it; `calls` collects the AI calls made. */
  private async started(
    input: StartInterviewInput,
    { id, now, roleType, resume, context, progression, calls }: {
      id: string; now: Date; roleType: string; resume: Resume | undefined; context: Interview['context'];
      progression: ReturnType<typeof initialProgression>; calls: AiCallRecord[];
    },
  ): Promise<{ interview: Interview; firstQuestion: InterviewMessage }> {
    const { uow, interviewer, ids } = this.deps;
    const question = await interviewer.nextQuestion({
      interviewId: id,
      roleType,
      phase: progression.phase,
      history: [],
      skillsExplored: [],
      boundarySkills: [],
      resumeSkills: context.resumeSkills,
    }, { onCall: (c) => void calls.push(c), ...(input.signal ? { signal: input.signal } : {}) });
    const priced = calls.map((c) => priceCall(c, this.deps.prices));
    const pending = toPending(question, 1, 1);
    const firstQuestion = questionMessage(ids.newId(), id, pending, now);
    const interview: Interview = {
      id,
      candidateId: input.candidateId,
      roleType,
      status: 'in_progress',
      resumeId: resume?.id ?? null,
      jobPostingId: null,
      startedAt: now,
      completedAt: null,
      durationSeconds: null,
      aiModelUsed: `${question.servedBy.provider}/${question.servedBy.model}`,
      totalTokensUsed: tokensOf(priced),
      costUsd: costOf(priced),
      videoRecordingConsent: false,
      videoRecordingStatus: null,
      context,
      progression,
      asked: [askedRecord(pending)],
      pending,
      lastSequence: 1,
      lastActivityAt: now,
      createdAt: now,
      version: 1,
    };
    const usage = { calls: priced, at: now };
    try {
      await uow.repositories.interviews.insert(interview, [firstQuestion], usage);
    } catch (error) {
      // The resume was deleted since it was read: one named is not found; the active one, taken unasked,
      // is left out (the interview keeps the skills read from it, as one does whose resume is deleted later).
      if (!(error instanceof ResumeNotFound) || input.resumeId) throw error;
      const unnamed = { ...interview, resumeId: null };
      await uow.repositories.interviews.insert(unnamed, [firstQuestion], usage);
      return { interview: unnamed, firstQuestion };
    }
    return { interview, firstQuestion };
  }
}
