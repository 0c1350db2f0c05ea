import { type Interview, type InterviewMessage, isOpen } from '../../domain/interviews/interview.js';
import { ResumeNotFound } from '../../domain/interviews/errors.js';
import { VersionConflict } from '../../domain/shared/domain-error.js';
import type {
  AssessmentResultRepository, IdempotencyStore, InterviewRepository, MessagePage, MessagePageRequest,
  StoredAssessment, UsageEntries,
} from '../../ports/interview-repository.js';
import { MemoryAiUsageLog } from './ai-usage-log.memory.js';
import type { MemoryStore } from './memory-store.js';

const clone = <T>(v: T): T => structuredClone(v);

export class MemoryInterviewRepository implements InterviewRepository {
  constructor(private readonly store: MemoryStore) {}

  private get interviews() {
    return this.store.table<Interview>('interviews');
  }
  private get messages() {
    return this.store.table<InterviewMessage>('interview_messages');
  }
  private get assessments() {
    return this.store.table<StoredAssessment>('assessment_results');
  }
  private messagesOf(interviewId: string): InterviewMessage[] {
    return [...this.messages.values()].filter((m) => m.interviewId === interviewId).sort((a, b) => a.sequence - b.sequence);
  }
  private checkSequences(messages: readonly InterviewMessage[]): void {
    for (const m of messages) {
      if (this.messagesOf(m.interviewId).some((x) => x.sequence === m.sequence)) throw new VersionConflict('Interview', m.interviewId);
    }
  }

  async findById(id: string): Promise<Interview | undefined> {
    const row = this.interviews.get(id);
    return row && clone(row);
  }

  async insert(interview: Interview, messages: readonly InterviewMessage[], usage?: UsageEntries): Promise<void> {
    if (this.interviews.has(interview.id)) throw new VersionConflict('Interview', interview.id);
    if (interview.resumeId && !this.store.table('resumes').has(interview.resumeId)) throw new ResumeNotFound(interview.resumeId);
    this.checkSequences(messages);
    this.interviews.set(interview.id, clone(interview));
    for (const m of messages) this.messages.set(m.id, clone(m));
    if (usage) await this.usage.record(interview.id, usage.calls, usage.at);
  }

  async save(
    interview: Interview, newMessages: readonly InterviewMessage[], usage?: UsageEntries, assessment?: StoredAssessment,
  ): Promise<Interview> {
    const current = this.interviews.get(interview.id);
    if (!current || current.version !== interview.version) throw new VersionConflict('Interview', interview.id);
    this.checkSequences(newMessages);
    if (assessment && this.assessments.has(interview.id)) throw new VersionConflict('Interview', interview.id);
    const next = { ...clone(interview), version: interview.version + 1 };
    this.interviews.set(interview.id, next);
    for (const m of newMessages) this.messages.set(m.id, clone(m));
    if (usage) await this.usage.record(interview.id, usage.calls, usage.at);
    if (assessment) this.assessments.set(interview.id, clone(assessment));
    return clone(next);
  }

  async detachResume(resumeId: string): Promise<void> {
    for (const [id, row] of this.interviews) {
      if (row.resumeId === resumeId) this.interviews.set(id, { ...row, resumeId: null, version: row.version + 1 });
    }
  }

  private get usage() {
    return new MemoryAiUsageLog(this.store);
  }

  async listMessages(interviewId: string, page: MessagePageRequest): Promise<MessagePage> {
    const all = this.messagesOf(interviewId).filter(
      (m) => (page.minSequence === undefined || m.sequence >= page.minSequence) &&
        (page.maxSequence === undefined || m.sequence <= page.maxSequence),
    );
    return { total: all.length, messages: clone(all.slice(page.skip, page.skip + page.limit)) };
  }

  async allMessages(interviewId: string): Promise<InterviewMessage[]> {
    return clone(this.messagesOf(interviewId));
  }

  async listForCandidate(candidateId: string, page: { skip: number; limit: number }) {
    const mine = [...this.interviews.values()]
      .filter((i) => i.candidateId === candidateId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id));
    return { total: mine.length, interviews: clone(mine.slice(page.skip, page.skip + page.limit)) };
  }

  async listIdle(before: Date, limit: number): Promise<string[]> {
    return [...this.interviews.values()]
      .filter((i) => isOpen(i) && i.lastActivityAt.getTime() < before.getTime())
      .sort((a, b) => a.lastActivityAt.getTime() - b.lastActivityAt.getTime() || a.id.localeCompare(b.id))
      .slice(0, limit)
      .map((i) => i.id);
  }
}

export class MemoryAssessmentResultRepository implements AssessmentResultRepository {
  constructor(private readonly store: MemoryStore) {}
  private get rows() {
    return this.store.table<StoredAssessment>('assessment_results');
  }
  async find(interviewId: string) {
    const row = this.rows.get(interviewId);
    return row && clone(row);
  }
}

export class MemoryIdempotencyStore implements IdempotencyStore {
  constructor(private readonly store: MemoryStore) {}
  private get rows() {
    return this.store.table<{ requestHash: string; response: unknown }>('idempotency_keys');
  }
  async find(accountId: string, scope: string, key: string) {
    const row = this.rows.get(JSON.stringify([accountId, scope, key]));
    return row && clone(row);
  }
  async save(accountId: string, scope: string, key: string, requestHash: string, response: unknown) {
    const id = JSON.stringify([accountId, scope, key]);
    if (!this.rows.has(id)) this.rows.set(id, clone({ requestHash, response }));
  }
}

/** Resumes held in memory for tests: `add` stands in for an upload. */
