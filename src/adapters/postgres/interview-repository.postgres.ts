import type { Knex } from 'knex';
import type { Model } from 'objection';
import type { AssessmentThresholds } from '../../domain/assessment/index.js';
import {
  type AskedQuestionRecord, type Interview, type InterviewContext, type InterviewMessage, type InterviewStatus, type MessageType,
  OPEN_STATUSES, type PendingQuestion,
} from '../../domain/interviews/interview.js';
import { type TranscriptState, transcriptState } from '../../domain/interviews/use-cases/transcript-state.js';
import { VersionConflict } from '../../domain/shared/domain-error.js';
import { ResumeNotFound } from '../../domain/interviews/errors.js';
import type {
  InterviewRepository, MessagePage, MessagePageRequest, StoredAssessment, UsageEntries,
} from '../../ports/interview-repository.js';
import { USAGE_COLUMNS, USAGE_FIELDS, USAGE_RECORDSET, USAGE_SELECT, usageRecord, usageRows } from './ai-usage-log.postgres.js';
import type { InterviewCache } from './interview-cache.js';
import { NamedStatement } from './named-statement.js';
import { type InterviewMessageModel, InterviewModel } from './models/interview.model.js';
import { isForeignKeyViolation, isUniqueViolation } from './pg-errors.js';
import { type Settled, WriteBatcher } from './write-batcher.js';

const date = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

type InterviewRow = Omit<InterviewModel, keyof Model>;

/** Rows written since the state columns became derived hold NULL there: rebuilt from the messages. */
const stateIsDerived = (row: InterviewRow): boolean => row.progression === null || row.asked === null;

/** `derived` is what the row's messages imply, given when the row does not store its state. */
const toInterview = (row: InterviewRow, derived?: TranscriptState): Interview => ({
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
  progression: row.progression ?? derived?.progression,
  asked: (row.asked ?? derived?.asked) as AskedQuestionRecord[],
  pending: (row.pending ?? null) as PendingQuestion | null,
  lastSequence: row.last_sequence,
  lastActivityAt: new Date(row.last_activity_at),
  createdAt: new Date(row.created_at),
  version: row.version,
});

/** A message row (MESSAGE_COLUMNS) as the domain's message. */
export const toMessage = (row: InterviewMessageModel): InterviewMessage => ({
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

const INTERVIEW_COLUMNS = `id, candidate_id, role_type, status, resume_id, job_posting_id, started_at, completed_at,
  duration_seconds, ai_model_used, total_tokens_used, cost_usd, video_recording_consent, video_recording_status, context,
  progression, asked, pending, last_sequence, last_activity_at, created_at, version`;

/*
 * The turn's hot path in plain SQL (no model layer) as named statements: PostgreSQL parses and
 * plans each once per connection, which halves the cost of a small statement on PGlite.
 * Column lists are explicit so a later added column cannot invalidate a cached plan's result type.
 */
const FIND_BY_ID = `select ${INTERVIEW_COLUMNS} from interviews where id = ?`;

export const MESSAGE_COLUMNS = 'id, interview_id, sequence_number, message_type, content_text, metadata, created_at';
const ALL_MESSAGES = `select ${MESSAGE_COLUMNS} from interview_messages where interview_id = ? order by sequence_number`;
/** The messages of several interviews at once (a listed page's), in order within each. */
const MESSAGES_OF = `select ${MESSAGE_COLUMNS} from interview_messages where interview_id = any(?::uuid[])
  order by interview_id, sequence_number`;
/** A page of messages with the number matching the filter (counted before offset and limit apply). */
const MESSAGE_PAGE_FILTER = `interview_id = ? and (?::int is null or sequence_number >= ?::int) and (?::int is null or sequence_number <= ?::int)`;
const MESSAGE_PAGE = `select ${MESSAGE_COLUMNS}, count(*) over () as total from interview_messages
  where ${MESSAGE_PAGE_FILTER} order by sequence_number offset ? limit ?`;
const MESSAGE_COUNT = `select count(*) as total from interview_messages where ${MESSAGE_PAGE_FILTER}`;

/**
 * A write's message appends and AI-usage entries, as CTEs after `source`, the CTE that returns the
 * interview's id (no row there → nothing appended or logged). Parameters: the messages as a JSON
 * array, then the usage timestamp and the usage rows (see usageRows).
 */
const appendedAndLogged = (source: 'updated' | 'inserted') => `appended as (
    insert into interview_messages (id, interview_id, sequence_number, message_type, content_text, metadata, created_at)
    select m.id, ${source}.id, m.sequence_number, m.message_type, m.content_text, m.metadata, m.created_at
    from ${source}, json_to_recordset(?::json) as m(id uuid, sequence_number int, message_type text, content_text text,
      metadata json, created_at timestamptz)
    returning 1
  ), logged as (
    insert into ai_usage (${USAGE_COLUMNS})
    select ${source}.id, ${USAGE_SELECT}, ?::timestamptz
    from ${source}, json_to_recordset(?::json) as ${USAGE_RECORDSET}
    returning 1
  )`;

/** A completing save's report, inserted only if the update matched (a second report for the interview is a unique violation). */
const REPORTED = `reported as (
    insert into assessment_results (interview_id, overall_score, recommendation, report, completion, generated_at)
    select updated.id, ?, ?, ?::json, ?::json, ? from updated
    returning 1
  )`;

/**
 * The optimistic update, the message appends, the AI-usage entries and (`reporting`: a completing
 * save) the report as one statement: one round trip, atomic by itself (so a turn needs no
 * BEGIN/COMMIT) or inside the caller's transaction. No row at the expected version → nothing
 * appended, logged or reported. Progression and asked are not written (they were a third of a
 * turn's cost): NULL says they are rebuilt from the messages, which also turns a row stored before
 * that into a derived one on its next write.
 */
const saveSql = (reporting: boolean) => `with updated as (
    update interviews set candidate_id = ?, role_type = ?, status = ?, resume_id = ?, job_posting_id = ?, started_at = ?,
      completed_at = ?, duration_seconds = ?, ai_model_used = ?, total_tokens_used = ?, cost_usd = ?,
      video_recording_consent = ?, video_recording_status = ?, context = ?::json, progression = null, asked = null,
      pending = ?::json, last_sequence = ?, last_activity_at = ?, created_at = ?, version = ?
    where id = ? and version = ?
    returning id
  ), ${appendedAndLogged('updated')}${reporting ? `, ${REPORTED}` : ''}
  select (select count(*) from updated) as updated`;

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/** The row's columns after id, in the order of INSERT's columns and of saveSql's assignments (SAVE_MANY reads them by name). */
const rowOf = (i: Interview) => ({
  candidate_id: i.candidateId, role_type: i.roleType, status: i.status, resume_id: i.resumeId, job_posting_id: i.jobPostingId,
  started_at: i.startedAt, completed_at: i.completedAt, duration_seconds: i.durationSeconds, ai_model_used: i.aiModelUsed,
  total_tokens_used: i.totalTokensUsed, cost_usd: i.costUsd, video_recording_consent: i.videoRecordingConsent,
  video_recording_status: i.videoRecordingStatus, context: i.context ?? null, pending: i.pending ?? null,
  last_sequence: i.lastSequence, last_activity_at: i.lastActivityAt, created_at: i.createdAt, version: i.version,
});

/** rowOf's values in its order, as statement parameters (the JSON columns as text; a key replaced keeps its place). */
const rowValues = (i: Interview) => {
  const row = rowOf(i);
  return Object.values({ ...row, context: json(row.context), pending: json(row.pending) });
};

/**
 * Saves of several interviews as one statement (see WriteBatcher): what saveSql does for one, for each
 * row of the first parameter (the interview, with the version it was read at as `expected`), its
 * messages and usage entries joined to the rows the update matched. A row at another version is
 * left out, with its messages and entries; the others are written. Returns the ids it updated. The
 * ids come again as an array (the second parameter) so the rows are found by the primary key: the
 * planner guesses a hundred rows for a JSON recordset and would scan the whole table to join them.
 */
const SAVE_MANY = `with input as (
    select * from json_to_recordset(?::json) as x(id uuid, expected int, candidate_id uuid, role_type text, status text,
      resume_id uuid, job_posting_id uuid, started_at timestamptz, completed_at timestamptz, duration_seconds int,
      ai_model_used text, total_tokens_used int, cost_usd numeric, video_recording_consent boolean,
      video_recording_status text, context json, pending json, last_sequence int, last_activity_at timestamptz,
      created_at timestamptz, version int)
  ), updated as (
    update interviews i set candidate_id = x.candidate_id, role_type = x.role_type, status = x.status, resume_id = x.resume_id,
      job_posting_id = x.job_posting_id, started_at = x.started_at, completed_at = x.completed_at,
      duration_seconds = x.duration_seconds, ai_model_used = x.ai_model_used, total_tokens_used = x.total_tokens_used,
      cost_usd = x.cost_usd, video_recording_consent = x.video_recording_consent, video_recording_status = x.video_recording_status,
      context = x.context, progression = null, asked = null, pending = x.pending, last_sequence = x.last_sequence,
      last_activity_at = x.last_activity_at, created_at = x.created_at, version = x.version
    from input x
    where i.id = any(?::uuid[]) and i.id = x.id and i.version = x.expected
    returning i.id
  ), appended as (
    insert into interview_messages (id, interview_id, sequence_number, message_type, content_text, metadata, created_at)
    select m.id, updated.id, m.sequence_number, m.message_type, m.content_text, m.metadata, m.created_at
    from json_to_recordset(?::json) as m(id uuid, interview_id uuid, sequence_number int, message_type text, content_text text,
      metadata json, created_at timestamptz)
    join updated on updated.id = m.interview_id
    returning 1
  ), logged as (
    insert into ai_usage (${USAGE_COLUMNS})
    select updated.id, ${USAGE_SELECT}, r.created_at
    from json_to_recordset(?::json) as r(interview_id uuid, created_at timestamptz, ${USAGE_FIELDS})
    join updated on updated.id = r.interview_id
    returning 1
  )
  select id from updated`;

/** A save: the interview as saved, the version it was read at, and what it appends. */
interface Save {
  next: Interview;
  expected: number;
  messages: readonly InterviewMessage[];
  usage?: UsageEntries;
}

/** The most saves one SAVE_MANY statement carries. */
const MAX_SAVES_PER_STATEMENT = 32;
/** Save statements in flight at once (see WriteBatcher): the next is in the database's hands when one ends. */
const SAVE_STATEMENTS_IN_FLIGHT = 2;

/** SAVE_MANY's four parameters for `saves`. */
const saveManyValues = (saves: readonly Save[]) => {
  const rows = saves.map(({ next, expected }) => ({ id: next.id, expected, ...rowOf(next) }));
  const messages = saves.flatMap((s) => s.messages.map(messageRow));
  const usage = saves.flatMap((s) => (s.usage ? s.usage.calls.map((c) => ({ interview_id: s.next.id, created_at: s.usage!.at, ...usageRecord(c) })) : []));
  return [JSON.stringify(rows), saves.map((s) => s.next.id), JSON.stringify(messages), JSON.stringify(usage)];
};

/** The values REPORTED reads, in its order. */
const assessmentValues = (a: StoredAssessment) => [
  a.overallScore, a.recommendation, JSON.stringify(a.report), JSON.stringify(a.completion), a.generatedAt,
];

/** The values appendedAndLogged reads, in its order. */
const appendValues = (messages: readonly InterviewMessage[], usage?: UsageEntries) => [
  JSON.stringify(messages.map(messageRow)), usage?.at ?? null, usage ? usageRows(usage.calls) : '[]',
];

/** A new interview with its first messages and usage entries, as one statement (progression and asked left NULL, as saveSql leaves them). */
const INSERT = `with inserted as (
    insert into interviews (id, candidate_id, role_type, status, resume_id, job_posting_id, started_at, completed_at,
      duration_seconds, ai_model_used, total_tokens_used, cost_usd, video_recording_consent, video_recording_status, context,
      pending, last_sequence, last_activity_at, created_at, version)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?::json, ?, ?, ?, ?)
    returning id
  ), ${appendedAndLogged('inserted')}
  select 1`;

/** The foreign key from an interview to the resume it names (see the interviews migration). */
const RESUME_KEY = 'interviews_resume_id_foreign';

/** The repository's plain-SQL statements, named (see above) and run without knex's query building. */
const STATEMENTS = {
  findById: new NamedStatement('interviews_find_by_id', FIND_BY_ID),
  insert: new NamedStatement('interviews_insert', INSERT),
  save: new NamedStatement('interviews_save', saveSql(false)),
  saveReporting: new NamedStatement('interviews_save_reporting', saveSql(true)),
  saveMany: new NamedStatement('interviews_save_many', SAVE_MANY),
  messagePage: new NamedStatement('interview_messages_page', MESSAGE_PAGE),
  messageCount: new NamedStatement('interview_messages_count', MESSAGE_COUNT),
  allMessages: new NamedStatement('interview_messages_all', ALL_MESSAGES),
  messagesOf: new NamedStatement('interview_messages_of', MESSAGES_OF),
};

/** How a repository uses the unit of work's interview cache: `written` hears of writes made inside a transaction. */
export interface InterviewCacheView {
  cache: InterviewCache;
  written?: (id: string) => void;
}

export class PgInterviewRepository implements InterviewRepository {
  private readonly interviewModel: typeof InterviewModel;
  /** Saves outside a transaction, gathered while others are written (see WriteBatcher); none inside one. */
  private readonly batcher?: WriteBatcher<Save, boolean>;

  /**
   * `root` binds the models once (binding per transaction is costly); queries run on `db`.
   * With a cache, reads outside a transaction are served from it (see InterviewCache).
   * `thresholds` must be the ones the turns run with: a row's progression is rebuilt with them.
   */
  constructor(
    private readonly db: Knex,
    root: Knex,
    private readonly thresholds: AssessmentThresholds,
    private readonly cacheView?: InterviewCacheView,
  ) {
    this.interviewModel = InterviewModel.bindKnex(root);
    if (!db.isTransaction) this.batcher = new WriteBatcher((saves) => this.saveAll(saves), MAX_SAVES_PER_STATEMENT, SAVE_STATEMENTS_IN_FLIGHT);
  }

  /** Runs a named write statement of interview `id`: a key already taken (its id, a message's sequence) is a VersionConflict. */
  private async run<R>(id: string, statement: NamedStatement, values: unknown[]): Promise<R[]> {
    try {
      return await statement.rows<R>(this.db, values);
    } catch (error) {
      if (isUniqueViolation(error)) throw new VersionConflict('Interview', id);
      throw error;
    }
  }

  /** Runs a write of interview `id`, keeping the cache coherent with what committed. */
  private async writing<T>(id: string, write: () => Promise<T>, written: (result: T) => Interview): Promise<T> {
    const view = this.cacheView;
    if (!view) return write();
    if (this.db.isTransaction) {
      view.cache.invalidate(id);
      view.written?.(id);
      return write();
    }
    try {
      const result = await write();
      view.cache.stored(written(result));
      return result;
    } catch (error) {
      view.cache.invalidate(id);
      throw error;
    }
  }

  private interviews(db: Knex = this.db) {
    return { query: () => this.interviewModel.query(db) };
  }

  /**
   * What the row's messages imply. The row and its messages are read by two statements, so a turn
   * committing between them can add messages the row's version does not cover: they are left out,
   * or the question the row still has pending would look answered already.
   */
  private stateOf(row: InterviewRow, transcript: readonly InterviewMessage[]): TranscriptState {
    const covered = transcript.filter((m) => m.sequence <= row.last_sequence);
    return transcriptState(covered.length === transcript.length ? transcript : covered, this.thresholds);
  }

  async findById(id: string): Promise<Interview | undefined> {
    const load = async () => {
      const [row] = await STATEMENTS.findById.rows<InterviewRow>(this.db, [id]);
      if (!row) return undefined;
      return toInterview(row, stateIsDerived(row) ? this.stateOf(row, await this.allMessages(id)) : undefined);
    };
    return this.cacheView && !this.db.isTransaction ? this.cacheView.cache.read(id, load) : load();
  }

  async insert(interview: Interview, messages: readonly InterviewMessage[], usage?: UsageEntries): Promise<void> {
    await this.writing(interview.id, async () => {
      try {
        await this.run(interview.id, STATEMENTS.insert, [interview.id, ...rowValues(interview), ...appendValues(messages, usage)]);
      } catch (error) {
        // Its resume was deleted after it was read (the only key of the row besides its candidate's, who is the caller).
        if (interview.resumeId && isForeignKeyViolation(error, RESUME_KEY)) throw new ResumeNotFound(interview.resumeId);
        throw error;
      }
    }, () => interview);
  }

  async save(
    interview: Interview, newMessages: readonly InterviewMessage[], usage?: UsageEntries, assessment?: StoredAssessment,
  ): Promise<Interview> {
    const next = { ...interview, version: interview.version + 1 };
    return this.writing(interview.id, async () => {
      const save = { next, expected: interview.version, messages: newMessages, usage };
      // A completing save, and any inside a transaction, runs alone; the others may share a statement.
      const updated = await (assessment || !this.batcher ? this.saveOne(save, assessment) : this.batcher.submit(interview.id, save));
      if (!updated) throw new VersionConflict('Interview', interview.id);
      return next;
    }, (saved) => saved);
  }

  /** One save by its own statement (a completing one stores its report too): whether the row was at the expected version. */
  private async saveOne(save: Save, assessment?: StoredAssessment): Promise<boolean> {
    const { next, expected } = save;
    const values = [...rowValues(next), next.id, expected, ...appendValues(save.messages, save.usage)];
    const rows = assessment
      ? await this.run<{ updated: number }>(next.id, STATEMENTS.saveReporting, [...values, ...assessmentValues(assessment)])
      : await this.run<{ updated: number }>(next.id, STATEMENTS.save, values);
    return Number(rows[0]?.updated ?? 0) > 0;
  }

  /**
   * The saves the batcher gathered: one alone by its own statement, several by SAVE_MANY. If that
   * statement fails (a message's sequence taken by a write of another process, say), nothing of it was
   * written and each save is run alone, so a failure reaches only the save it concerns.
   */
  private async saveAll(saves: readonly Save[]): Promise<Settled<boolean>[]> {
    const alone = (save: Save) => this.saveOne(save).then(
      (value): Settled<boolean> => ({ ok: true, value }),
      (error: unknown): Settled<boolean> => ({ ok: false, error }),
    );
    // One alone costs less by its own statement (about 0.8 ms against 1.1 on the embedded database).
    if (saves.length === 1) return [await alone(saves[0]!)];
    let updated: Set<string>;
    try {
      const rows = await STATEMENTS.saveMany.rows<{ id: string }>(this.db, saveManyValues(saves));
      updated = new Set(rows.map((r) => r.id));
    } catch {
      return Promise.all(saves.map(alone));
    }
    return saves.map((s) => ({ ok: true, value: updated.has(s.next.id) }));
  }

  async listMessages(interviewId: string, page: MessagePageRequest): Promise<MessagePage> {
    const min = page.minSequence ?? null;
    const max = page.maxSequence ?? null;
    const filter = [interviewId, min, min, max, max];
    const rows = await STATEMENTS.messagePage.rows<InterviewMessageModel & { total: number }>(this.db, [...filter, page.skip, page.limit]);
    if (rows.length > 0) return { total: Number(rows[0]!.total), messages: rows.map(toMessage) };
    // A page past the end has no row to carry the count.
    const [counted] = await STATEMENTS.messageCount.rows<{ total: number }>(this.db, filter);
    return { total: Number(counted?.total ?? 0), messages: [] };
  }

  async allMessages(interviewId: string): Promise<InterviewMessage[]> {
    const rows = await STATEMENTS.allMessages.rows<InterviewMessageModel>(this.db, [interviewId]);
    return rows.map(toMessage);
  }

  async listForCandidate(candidateId: string, page: { skip: number; limit: number }) {
    const [rows, total] = await Promise.all([
      this.interviews().query().where('candidate_id', candidateId).orderBy([
        { column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' },
      ]).offset(page.skip).limit(page.limit),
      this.interviews().query().where('candidate_id', candidateId).resultSize(),
    ]);
    const derived = rows.filter(stateIsDerived).map((row) => row.id);
    const messages = new Map<string, InterviewMessage[]>(derived.map((id) => [id, []]));
    if (derived.length > 0) {
      const messageRows = await STATEMENTS.messagesOf.rows<InterviewMessageModel>(this.db, [derived]);
      for (const row of messageRows) messages.get(row.interview_id)!.push(toMessage(row));
    }
    return {
      total,
      interviews: rows.map((row) => {
        const transcript = messages.get(row.id);
        return toInterview(row, transcript && this.stateOf(row, transcript));
      }),
    };
  }

  async detachResume(resumeId: string): Promise<void> {
    const rows: { id: string }[] = await this.db('interviews').where({ resume_id: resumeId })
      .update({ resume_id: null, version: this.db.raw('version + 1') }, ['id']);
    // Which interviews it changed is known only once it has: each is dropped from the cache then
    // (and, inside a transaction, again when it ends, as for every write made in one).
    for (const { id } of rows) {
      this.cacheView?.cache.invalidate(id);
      if (this.db.isTransaction) this.cacheView?.written?.(id);
    }
  }

  async listIdle(before: Date, limit: number): Promise<string[]> {
    const rows = await this.interviews().query().select('id').whereIn('status', OPEN_STATUSES)
      .where('last_activity_at', '<', before)
      .orderBy([{ column: 'last_activity_at' }, { column: 'id' }])
      .limit(limit);
    return rows.map((row) => row.id);
  }
}
