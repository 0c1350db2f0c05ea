import type { PricedCall } from '../domain/interviews/costs.js';
import type { Interview, InterviewMessage } from '../domain/interviews/interview.js';
import { token } from './token.js';

export interface MessagePageRequest {
  skip: number;
  limit: number;
  minSequence?: number;
  maxSequence?: number;
}

export interface MessagePage {
  total: number;
  messages: InterviewMessage[];
}

/** The AI calls that produced a write of an interview, logged with it (they appear in AiUsageLog). */
export interface UsageEntries {
  calls: readonly PricedCall[];
  at: Date;
}

/**
 * Interviews and their messages.
 * Contract: findById resolves undefined for an unknown id; insert stores the interview with its
 * first messages; save is optimistic (a stale version rejects with VersionConflict, and so does a
 * message whose sequence number is taken) and appends the new messages atomically with the row;
 * insert and save also log the given AI usage, and each is atomic on its own — row, messages and
 * usage are all written or none is, inside a unit-of-work transaction or without one (so a turn
 * that writes nothing else needs no transaction); a save that completes the interview may carry its
 * assessment, stored with the same atomic write (one per interview: if the interview already has one,
 * the save rejects with VersionConflict and nothing is written); listMessages pages in the database, ordered by
 * sequence; listForCandidate is newest first; listIdle lists the ids of open interviews (scheduled or
 * in progress) whose last activity was before the given time, least recently active first;
 * insert rejects with ResumeNotFound when the interview names a resume that does not exist (deleted
 * since it was read), writing nothing; detachResume makes the interviews that name a resume name none (it is being deleted), each
 * as a write that moves its version on, so a turn that read it before is refused rather than
 * writing the resume back.
 * An interview's progression and asked list are what its transcript implies (transcriptState over
 * its messages, with the thresholds its turns ran with): callers insert and save them so, and an
 * adapter may store them as given or rebuild them from the messages when it reads the interview.
 */
export interface InterviewRepository {
  findById(id: string): Promise<Interview | undefined>;
  insert(interview: Interview, messages: readonly InterviewMessage[], usage?: UsageEntries): Promise<void>;
  save(interview: Interview, newMessages: readonly InterviewMessage[], usage?: UsageEntries, assessment?: StoredAssessment): Promise<Interview>;
  listMessages(interviewId: string, page: MessagePageRequest): Promise<MessagePage>;
  allMessages(interviewId: string): Promise<InterviewMessage[]>;
  listForCandidate(candidateId: string, page: { skip: number; limit: number }): Promise<{ total: number; interviews: Interview[] }>;
  listIdle(before: Date, limit: number): Promise<string[]>;
  detachResume(resumeId: string): Promise<void>;
}
export const InterviewRepository = token<InterviewRepository>('InterviewRepository');

/** A persisted assessment: the report and the completion summary derived from it. */
export interface StoredAssessment<R = unknown, C = unknown> {
  interviewId: string;
  overallScore: number;
  recommendation: string;
  report: R;
  completion: C;
  generatedAt: Date;
}

/**
 * Contract: find resolves the interview's assessment, or undefined when it has none. Assessments
 * are written with the interview that they complete, by InterviewRepository.save.
 */
export interface AssessmentResultRepository {
  find(interviewId: string): Promise<StoredAssessment | undefined>;
}
export const AssessmentResultRepository = token<AssessmentResultRepository>('AssessmentResultRepository');

/**
 * Stored responses of idempotent requests, per account, scope and key. The scope names what the
 * request acts on (an interview's id for its answers), so one key names one request per resource:
 * a client may send `turn-1` to each of its interviews.
 */
export interface IdempotencyStore {
  find(accountId: string, scope: string, key: string): Promise<{ requestHash: string; response: unknown } | undefined>;
  save(accountId: string, scope: string, key: string, requestHash: string, response: unknown, at: Date): Promise<void>;
}
export const IdempotencyStore = token<IdempotencyStore>('IdempotencyStore');

