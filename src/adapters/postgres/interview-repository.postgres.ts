import type { Knex } from 'knex';
import type {
  AskedQuestionRecord, Interview, InterviewContext, InterviewMessage, InterviewStatus, MessageType, PendingQuestion,
} from '../../domain/interviews/interview.js';
import { VersionConflict } from '../../domain/shared/domain-error.js';
import type { InterviewRepository, MessagePage, MessagePageRequest } from '../../ports/interview-repository.js';
import { InterviewMessageModel, InterviewModel } from './models/interview.model.js';
import { isUniqueViolation } from './pg-errors.js';

const date = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

const toInterview = (row: InterviewModel): Interview => ({
  id: row.id,
  candidateId: row.candidate_id,
  roleType: row.role_type,
  status: row.status as InterviewStatus,
  resumeId: row.resume_id,
  jobPostingId: row.job_posting_id,
  startedAt: date(row.started_at),
  completedAt: date(row.completed_at),
  durationSeconds: row.duration_seconds,
  aiModelUsed: row.ai_model_used,
  totalTokensUsed: row.total_tokens_used,
  costUsd: Number(row.cost_usd),
  videoRecordingConsent: row.video_recording_consent,
  videoRecordingStatus: row.video_recording_status,
  context: row.context as InterviewContext,
  progression: row.progression,
  asked: row.asked as AskedQuestionRecord[],
  pending: (row.pending ?? null) as PendingQuestion | null,
  lastSequence: row.last_sequence,
  lastActivityAt: new Date(row.last_activity_at),
  createdAt: new Date(row.created_at),
  version: row.version,
});

const toRow = (i: Interview) => ({
  id: i.id,
  candidate_id: i.candidateId,
  role_type: i.roleType,
  status: i.status,
  resume_id: i.resumeId,
  job_posting_id: i.jobPostingId,
  started_at: i.startedAt,
  completed_at: i.completedAt,
  duration_seconds: i.durationSeconds,
  ai_model_used: i.aiModelUsed,
  total_tokens_used: i.totalTokensUsed,
  cost_usd: i.costUsd,
  video_recording_consent: i.videoRecordingConsent,
  video_recording_status: i.videoRecordingStatus,
  context: i.context,
  progression: i.progression,
  asked: i.asked,
  pending: i.pending,
  last_sequence: i.lastSequence,
  last_activity_at: i.lastActivityAt,
  created_at: i.createdAt,
  version: i.version,
});

const toMessage = (row: InterviewMessageModel): InterviewMessage => ({
  id: row.id,
  interviewId: row.interview_id,
  sequence: row.sequence_number,
  type: row.message_type as MessageType,
  text: row.content_text,
  metadata: row.metadata ?? {},
  createdAt: new Date(row.created_at),
});

const messageRow = (m: InterviewMessage) => ({
  id: m.id,
  interview_id: m.interviewId,
  sequence_number: m.sequence,
  message_type: m.type,
  content_text: m.text,
  metadata: m.metadata,
  created_at: m.createdAt,
});

export class PgInterviewRepository implements InterviewRepository {
  private readonly interviewModel: typeof InterviewModel;
  private readonly messageModel: typeof InterviewMessageModel;

  /** `root` binds the models once (binding per transaction is costly); queries run on `db`. */
  constructor(private readonly db: Knex, root: Knex = db) {
    this.interviewModel = InterviewModel.bindKnex(root);
    this.messageModel = InterviewMessageModel.bindKnex(root);
  }

  private interviews(db: Knex = this.db) {
    return { query: () => this.interviewModel.query(db) };
  }
  private messages(db: Knex = this.db) {
    return { query: () => this.messageModel.query(db) };
  }

  /** Runs `work` atomically: inside the caller's transaction when there is one, else in its own. */
  private atomically<T>(work: (db: Knex) => Promise<T>): Promise<T> {
    return this.db.isTransaction ? work(this.db) : this.db.transaction((trx) => work(trx));
  }

  async findById(id: string): Promise<Interview | undefined> {
    const row = await this.interviews().query().findById(id);
    return row && toInterview(row);
  }

  async insert(interview: Interview, messages: readonly InterviewMessage[]): Promise<void> {
    await this.atomically(async (db) => {
      await this.interviews(db).query().insert(toRow(interview));
      if (messages.length > 0) await this.messages(db).query().insert(messages.map(messageRow));
    });
  }

  async save(interview: Interview, newMessages: readonly InterviewMessage[]): Promise<Interview> {
    const next = { ...interview, version: interview.version + 1 };
    try {
      await this.atomically(async (db) => {
        const updated = await this.interviews(db)
          .query()
          .patch(toRow(next))
          .where({ id: interview.id, version: interview.version });
        if (updated === 0) throw new VersionConflict('Interview', interview.id);
        if (newMessages.length > 0) await this.messages(db).query().insert(newMessages.map(messageRow));
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new VersionConflict('Interview', interview.id);
      throw error;
    }
    return next;
  }

  async listMessages(interviewId: string, page: MessagePageRequest): Promise<MessagePage> {
    const filtered = () => {
      const q = this.messages().query().where('interview_id', interviewId);
      if (page.minSequence !== undefined) q.where('sequence_number', '>=', page.minSequence);
      if (page.maxSequence !== undefined) q.where('sequence_number', '<=', page.maxSequence);
      return q;
    };
    const [rows, count] = await Promise.all([
      filtered().orderBy('sequence_number').offset(page.skip).limit(page.limit),
      filtered().resultSize(),
    ]);
    return { total: count, messages: rows.map(toMessage) };
  }

  async allMessages(interviewId: string): Promise<InterviewMessage[]> {
    const rows = await this.messages().query().where('interview_id', interviewId).orderBy('sequence_number');
    return rows.map(toMessage);
  }

  async listForCandidate(candidateId: string, page: { skip: number; limit: number }) {
    const [rows, total] = await Promise.all([
      this.interviews().query().where('candidate_id', candidateId).orderBy([
        { column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' },
      ]).offset(page.skip).limit(page.limit),
      this.interviews().query().where('candidate_id', candidateId).resultSize(),
    ]);
    return { total, interviews: rows.map(toInterview) };
  }
}
