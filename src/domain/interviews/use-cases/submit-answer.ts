import {
  type AssessmentThresholds, boundaryLevels, boundarySkills, type ProgressionState, recordAnswer, totalQuestionsEstimate,
} from '../../assessment/index.js';
import type { Phase } from '../../assessment/levels.js';
import { VersionConflict } from '../../shared/domain-error.js';
import { fingerprint } from '../../shared/hash.js';
import type { AnswerGrader } from '../../../ports/answer-grader.js';
import type { Clock } from '../../../ports/clock.js';
import type { IdGenerator } from '../../../ports/id-generator.js';
import type { UsageEntries } from '../../../ports/interview-repository.js';
import type { Interviewer } from '../../../ports/interviewer.js';
import type { Logger } from '../../../ports/logger.js';
import type { AiCallRecord } from '../../../ports/provider-served.js';
import type { UnitOfWork } from '../../../ports/unit-of-work.js';
import { costOf, type PriceTable, priceCall, recordUnsavedCalls, tokensOf } from '../costs.js';
import { ConcurrentAnswer, IdempotencyKeyReused, InterviewCompleted, InterviewNotActive } from '../errors.js';
import { CLARIFICATIONS_PER_QUESTION, type ClarificationKind, clarificationKind } from '../clarification.js';
import { type Interview, type InterviewMessage, isOpen, type PendingQuestion, rebaseTurn } from '../interview.js';
import { loadOwned } from './access.js';
import { finishInterview, type InterviewAssessment } from './finish.js';
import {
  answerInput, answerMessage, askedRecord, clarificationMessage, clarificationsOf, closingMessage, questionMessage, restatementMessage,
  toPending, withAnswer,
} from './turns.js';

export interface TurnResult {
  interviewId: string;
  /** Id of the candidate's stored answer. */
  messageId: string;
  aiResponse: string;
  /** Number of the question now put to the candidate (the last one asked when complete). */
  questionNumber: number;
  totalQuestions: number;
  currentDifficulty: Phase;
  skillBoundaries: Record<string, string>;
  questionsAsked: number;
  interviewComplete: boolean;
}

export interface SubmitAnswerInput {
  interviewId: string;
  candidateId: string;
  answer: string;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Receives the interviewer's reply as it is produced (streaming clients). */
  onToken?: (token: string) => void;
  /** Told that the reply handed to onToken so far is withdrawn, and what follows replaces it (see AiCallOptions.onReset). */
  onReset?: () => void;
}

/** A turn's response, and whether it is the stored response of an earlier request with the same Idempotency-Key. */
export interface TurnOutcome {
  result: TurnResult;
  replayed: boolean;
}

/** The stored response for the request's Idempotency-Key, if there is one (see SubmitAnswer.execute). */
type Replay = () => Promise<TurnOutcome | undefined>;

/** A turn starts a scheduled interview; any other status stays. */
const answeredStatus = (interview: Interview): Interview['status'] =>
  (interview.status === 'scheduled' ? 'in_progress' : interview.status);

export const CLOSING_MESSAGE =
  'Thank you, that completes the interview. Your answers have been assessed and your results are ready.';

/**
 * One interview turn: grade the answer to the pending question, update the progressive
 * assessment, choose the next question (or finish), and commit everything at once: one atomic
 * write of the interview, its messages, its AI usage and (on the last turn) the report, inside a
 * transaction only when the turn also stores an idempotent response. AI calls happen first, so no
 * database connection waits on a model.
 *
 * A clarification request ("could you repeat the question?", see clarification.ts) is not an
 * answer: the first one about a question is stored and answered with the question again, with no
 * grade, no AI call and no question counted; a second one about the same question is graded.
 */
export class SubmitAnswer {
  /**
   * The interviews an answer is being worked on for in this process, each with the Idempotency-Key it
   * came with and its end: another answer meanwhile is refused at once (ConcurrentAnswer), before any
   * AI call, rather than after grading, and a streamed one before its first token; one with the same
   * key waits for it and replays its response, making no AI call of its own. Across processes the
   * commit's version check decides (a loser with the winner's key replays its response, see commit).
   */
  private readonly inFlight = new Map<string, { key: string | undefined; done: Promise<void> }>();

  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      interviewer: Interviewer;
      grader: AnswerGrader;
      clock: Clock;
      ids: IdGenerator;
      thresholds: AssessmentThresholds;
      prices: PriceTable;
      /** Per-interview AI spend above which a warning is logged. */
      budgetUsd: number;
      logger: Logger;
    },
  ) {}

  async execute(input: SubmitAnswerInput): Promise<TurnOutcome> {
    const { uow } = this.deps;
    const repos = uow.repositories;
    // Only an idempotent request needs the fingerprint of what it asked.
    const requestHash = input.idempotencyKey ? `${input.interviewId}:${fingerprint(input.answer)}` : '';
    const replay = async () => {
      if (!input.idempotencyKey) return undefined;
      const stored = await repos.idempotency.find(input.candidateId, input.interviewId, input.idempotencyKey);
      if (!stored) return undefined;
      if (stored.requestHash !== requestHash) throw new IdempotencyKeyReused();
      return { result: stored.response as TurnResult, replayed: true };
    };

    const interview = await loadOwned(repos, input.interviewId, input.candidateId);
    // A replay streams nothing: the caller has the stored reply whole, and knows it is a replay before sending any of it.
    const replayed = await replay();
    if (replayed) return replayed;
    const running = this.inFlight.get(interview.id);
    if (running) {
      if (input.idempotencyKey === undefined || running.key !== input.idempotencyKey) throw new ConcurrentAnswer(interview.id);
      // A retry of the answer being worked on waits for it, then replays it (or, if it failed, is worked on itself).
      await running.done;
      return this.execute(input);
    }
    if (interview.status === 'completed') throw new InterviewCompleted(interview.id);
    if (!isOpen(interview) || !interview.pending) throw new InterviewNotActive(interview.id, interview.status);
    let done!: () => void;
    this.inFlight.set(interview.id, { key: input.idempotencyKey, done: new Promise<void>((resolve) => (done = resolve)) });
    try {
      return await this.turn(input, interview, requestHash, replay);
    } finally {
      this.inFlight.delete(interview.id);
      done();
    }
  }

  /** The turn itself: its answer graded (or a clarification answered), the next question chosen, all committed at once. */
  private async turn(
    input: SubmitAnswerInput,
    interview: Interview,
    requestHash: string,
    replay: Replay,
  ): Promise<TurnOutcome> {
    const pending = interview.pending!;
    const kind = clarificationsOf(pending) < CLARIFICATIONS_PER_QUESTION ? clarificationKind(input.answer) : undefined;
    if (kind) {
      const { updated, messages, result } = this.clarification(interview, pending, input.answer, kind);
      input.onToken?.(result.aiResponse);
      return this.commit(input, requestHash, replay, updated, messages, result);
    }
    const calls: AiCallRecord[] = [];
    try {
      const answered = await this.answered(input, interview, requestHash, replay, calls);
      // A replay of the turn that won the race: this one's calls were made all the same.
      if (answered.replayed) await recordUnsavedCalls(this.deps, interview.id, calls);
      return answered;
    } catch (error) {
      // Its commit did not store the calls it made (it failed, lost a race, or its client left).
      await recordUnsavedCalls(this.deps, interview.id, calls);
      throw error;
    }
  }

  /** An answer's turn: graded, the next question chosen (or the interview finished), committed; `calls` collects its AI calls. */
  private async answered(
    input: SubmitAnswerInput,
    interview: Interview,
    requestHash: string,
    replay: Replay,
    calls: AiCallRecord[],
  ): Promise<TurnOutcome> {
    const { uow, interviewer, grader, clock, ids, thresholds } = this.deps;
    const repos = uow.repositories;
    const pending = interview.pending!;
    const onCall = (record: AiCallRecord) => void calls.push(record);
    const grade = await grader.grade(
      {
        question: pending.text,
        referenceAnswer: pending.referenceAnswer,
        keyPoints: pending.keyPoints,
        answer: input.answer,
        context: { roleType: interview.roleType, skillArea: pending.skillArea, difficulty: pending.difficulty },
      },
      { signal: input.signal, onCall },
    );
    const outcome = recordAnswer(interview.progression as ProgressionState, answerInput(pending, grade, input.answer), thresholds);
    const now = clock.now();
    const asked = withAnswer(interview.asked, pending.questionNumber, grade);
    const answerMsg = answerMessage(ids.newId(), interview.id, interview.lastSequence + 1, input.answer, {
      questionNumber: pending.questionNumber,
      question: pending.text,
      ...(pending.questionId ? { questionId: pending.questionId } : {}),
      skillArea: pending.skillArea,
      difficulty: pending.difficulty,
      isFollowUp: pending.isFollowUp,
      interviewer: pending.servedBy,
      grade,
    }, now);

    let updated: Interview = {
      ...interview,
      progression: outcome.state,
      asked,
      lastActivityAt: now,
      status: answeredStatus(interview),
    };
    const newMessages: InterviewMessage[] = [answerMsg];
    let aiResponse: string;
    let finished: Awaited<ReturnType<typeof finishInterview>> | undefined;

    if (outcome.complete) {
      aiResponse = CLOSING_MESSAGE;
      input.onToken?.(CLOSING_MESSAGE);
      const closing = closingMessage(ids.newId(), interview.id, answerMsg.sequence + 1, CLOSING_MESSAGE, now);
      newMessages.push(closing);
      updated = { ...updated, pending: null, lastSequence: closing.sequence };
      const all = [...(await repos.interviews.allMessages(interview.id)), answerMsg, closing];
      finished = finishInterview(updated, all, now);
      updated = finished.interview;
    } else {
      const next = await interviewer.nextQuestion(
        {
          interviewId: interview.id,
          roleType: interview.roleType,
          phase: outcome.state.phase,
          history: asked,
          skillsExplored: outcome.state.skillsExplored,
          boundarySkills: boundarySkills(outcome.state.boundaries),
          resumeSkills: interview.context.resumeSkills,
          ...(interview.context.job ? { job: interview.context.job } : {}),
        },
        { signal: input.signal, onCall, ...(input.onToken ? { onToken: input.onToken } : {}), ...(input.onReset ? { onReset: input.onReset } : {}) },
      );
      const nextPending = toPending(next, answerMsg.sequence + 1, pending.questionNumber + 1);
      newMessages.push(questionMessage(ids.newId(), interview.id, nextPending, now));
      aiResponse = next.text;
      updated = {
        ...updated,
        pending: nextPending,
        lastSequence: nextPending.sequence,
        asked: [...asked, askedRecord(nextPending)],
      };
    }

    const priced = calls.map((c) => priceCall(c, this.deps.prices));
    const served = [...priced].reverse().find((c) => c.outcome === 'ok');
    updated = {
      ...updated,
      totalTokensUsed: updated.totalTokensUsed + tokensOf(priced),
      costUsd: Math.round((updated.costUsd + costOf(priced)) * 1e6) / 1e6,
      aiModelUsed: served ? `${served.provider}/${served.model}` : updated.aiModelUsed,
    };
    if (updated.costUsd > this.deps.budgetUsd && interview.costUsd <= this.deps.budgetUsd) {
      this.deps.logger.warn(
        { interviewId: interview.id, costUsd: updated.costUsd, budgetUsd: this.deps.budgetUsd },
        'interview AI cost passed its budget',
      );
    }
    const state = updated.progression as ProgressionState;
    const result: TurnResult = {
      interviewId: interview.id,
      messageId: answerMsg.id,
      aiResponse,
      questionNumber: updated.pending?.questionNumber ?? pending.questionNumber,
      totalQuestions: Math.max(totalQuestionsEstimate(state, thresholds), updated.pending?.questionNumber ?? pending.questionNumber),
      currentDifficulty: state.phase,
      skillBoundaries: boundaryLevels(state.boundaries),
      questionsAsked: updated.asked.length,
      interviewComplete: outcome.complete,
    };

    return this.commit(input, requestHash, replay, updated, newMessages, result, { calls: priced, at: now }, finished?.assessment);
  }

  /** A clarification request's turn: the request stored, the pending question put again, nothing graded or counted. */
  private clarification(interview: Interview, pending: PendingQuestion, text: string, kind: ClarificationKind) {
    const { ids, clock, thresholds } = this.deps;
    const now = clock.now();
    const request = clarificationMessage(ids.newId(), interview.id, interview.lastSequence + 1, text, pending.questionNumber, now);
    const { clarified: _legacy, ...question } = pending;
    const again: PendingQuestion = { ...question, sequence: request.sequence + 1, clarifications: clarificationsOf(pending) + 1 };
    const restated = restatementMessage(ids.newId(), interview.id, again, kind, now);
    const updated: Interview = {
      ...interview,
      pending: again,
      lastSequence: restated.sequence,
      lastActivityAt: now,
      status: answeredStatus(interview),
    };
    const state = interview.progression as ProgressionState;
    const result: TurnResult = {
      interviewId: interview.id,
      messageId: request.id,
      aiResponse: restated.text,
      questionNumber: pending.questionNumber,
      totalQuestions: Math.max(totalQuestionsEstimate(state, thresholds), pending.questionNumber),
      currentDifficulty: state.phase,
      skillBoundaries: boundaryLevels(state.boundaries),
      questionsAsked: interview.asked.length,
      interviewComplete: false,
    };
    return { updated, messages: [request, restated], result };
  }

  /**
   * Commits a turn: the row, its messages, the usage log and (when it finishes) the report as one
   * atomic write, in a transaction with the stored response when the request is idempotent. A
   * concurrent turn that won replays its response for the same key; a turn that lost to the
   * interview's completion is InterviewCompleted (InterviewNotActive once abandoned); one that lost
   * to a write that was no answer (the transcript still ends where the turn read it) is applied on
   * top of it (see rebaseTurn); else it is a ConcurrentAnswer.
   */
  private async commit(
    input: { interviewId: string; candidateId: string; idempotencyKey?: string },
    requestHash: string,
    replay: Replay,
    updated: Interview,
    messages: readonly InterviewMessage[],
    result: TurnResult,
    usage?: UsageEntries,
    assessment?: InterviewAssessment,
  ): Promise<TurnOutcome> {
    const { uow } = this.deps;
    // The transcript's end this turn was worked out from: a conflicting write that left it there was no answer.
    const from = (messages[0]?.sequence ?? updated.lastSequence + 1) - 1;
    for (let rebased = false; ; rebased = true) {
      try {
        const key = input.idempotencyKey;
        if (!key) {
          await uow.repositories.interviews.save(updated, messages, usage, assessment);
        } else {
          await uow.transaction(async (tx) => {
            await tx.interviews.save(updated, messages, usage, assessment);
            await tx.idempotency.save(input.candidateId, input.interviewId, key, requestHash, result, updated.lastActivityAt);
          });
        }
        return { result, replayed: false };
      } catch (error) {
        if (!(error instanceof VersionConflict)) throw error;
        const again = await replay();
        if (again) return again;
        // Lost to a /complete (or the idle sweep): say so, as a turn arriving after it would be told.
        const now = await uow.repositories.interviews.findById(input.interviewId);
        if (now?.status === 'completed') throw new InterviewCompleted(input.interviewId);
        if (now && !isOpen(now)) throw new InterviewNotActive(input.interviewId, now.status);
        // Another write, not an answer, moved the version on (the resume detached): the turn applies on top of it, once.
        if (now && now.lastSequence === from && !rebased) {
          updated = rebaseTurn(updated, now);
          continue;
        }
        throw new ConcurrentAnswer(input.interviewId);
      }
    }
  }
}
