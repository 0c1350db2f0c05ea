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

/**
 * Interviews and their messages.
 * Contract: findById resolves undefined for an unknown id; insert stores the interview with its
 * first messages; save is optimistic (a stale version rejects with VersionConflict, and so does a
 * message whose sequence number is taken) and appends the new messages atomically with the row;
 * listMessages pages in the database, ordered by sequence; listForCandidate is newest first.
 */
export interface InterviewRepository {
  findById(id: string): Promise<Interview | undefined>;
  insert(interview: Interview, messages: readonly InterviewMessage[]): Promise<void>;
  save(interview: Interview, newMessages: readonly InterviewMessage[]): Promise<Interview>;
  listMessages(interviewId: string, page: MessagePageRequest): Promise<MessagePage>;
  allMessages(interviewId: string): Promise<InterviewMessage[]>;
  listForCandidate(candidateId: string, page: { skip: number; limit: number }): Promise<{ total: number; interviews: Interview[] }>;
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

/** Contract: insert once per interview (a second insert rejects with VersionConflict); find resolves undefined when absent. */
export interface AssessmentResultRepository {
  find(interviewId: string): Promise<StoredAssessment | undefined>;
  insert(result: StoredAssessment): Promise<void>;
}
export const AssessmentResultRepository = token<AssessmentResultRepository>('AssessmentResultRepository');

/** Stored responses of idempotent requests, per account and key. */
export interface IdempotencyStore {
  find(accountId: string, key: string): Promise<{ requestHash: string; response: unknown } | undefined>;
  save(accountId: string, key: string, requestHash: string, response: unknown, at: Date): Promise<void>;
}
export const IdempotencyStore = token<IdempotencyStore>('IdempotencyStore');

