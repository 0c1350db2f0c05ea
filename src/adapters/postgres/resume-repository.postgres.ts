import type { Knex } from 'knex';
import type { DocumentType } from '../../domain/resumes/file-type.js';
import { CONTENT_TYPES, type ParsingStatus, type Resume, type ResumeAnalysis, type StoredParse } from '../../domain/resumes/resume.js';
import type { ParsingOutcome, ResumeRepository } from '../../ports/resume-repository.js';
import { NamedStatement } from './named-statement.js';
import { atomically, lockKey } from './transactions.js';

interface ResumeRow {
  id: string;
  candidate_id: string;
  file_name: string;
  file_size: number;
  content_type: string;
  storage_key: string;
  uploaded_at: Date | string;
  parsed_at: Date | string | null;
  parsing_status: ParsingStatus;
  parsed_data: StoredParseDocument | null;
  error_message: string | null;
  is_active: boolean;
}

/** parsed_data keeps the original's snake_case flat fields, so SQL and old readers see its shape. */
interface StoredParseDocument {
  skills: string[];
  experience_years: number;
  education: string[];
  past_roles: string[];
  detail: StoredParse['detail'];
  parser: StoredParse['parser'];
}

const TYPE_BY_CONTENT = Object.fromEntries(Object.entries(CONTENT_TYPES).map(([t, c]) => [c, t])) as Record<string, DocumentType>;

const toDocument = (p: StoredParse): StoredParseDocument => ({
  skills: p.skills, experience_years: p.experienceYears, education: p.education, past_roles: p.pastRoles,
  detail: p.detail, parser: p.parser,
});

const fromDocument = (d: StoredParseDocument | null): StoredParse | null =>
  d && {
    skills: d.skills ?? [], experienceYears: d.experience_years ?? 0, education: d.education ?? [],
    pastRoles: d.past_roles ?? [], detail: d.detail, parser: d.parser,
  };

const toResume = (row: ResumeRow): Resume => ({
  id: row.id,
  candidateId: row.candidate_id,
  fileName: row.file_name,
  fileSize: row.file_size,
  type: TYPE_BY_CONTENT[row.content_type] ?? 'pdf',
  storageKey: row.storage_key,
  uploadedAt: new Date(row.uploaded_at),
  isActive: row.is_active,
  parsingStatus: row.parsing_status,
  parsedAt: row.parsed_at === null ? null : new Date(row.parsed_at),
  parsed: fromDocument(row.parsed_data),
  errorMessage: row.error_message,
});

interface AnalysisRow {
  id: string;
  resume_id: string;
  overall_score: number;
  strengths: string[];
  weaknesses: string[];
  suggestions: string[];
  keywords_missing: string[];
  breakdown: Record<string, number> | null;
  analysis_model: string;
  tokens_used: number;
  analyzed_at: Date | string;
}

const toAnalysis = (row: AnalysisRow): ResumeAnalysis => ({
  id: row.id,
  resumeId: row.resume_id,
  overallScore: row.overall_score,
  strengths: row.strengths,
  weaknesses: row.weaknesses,
  suggestions: row.suggestions,
  keywordsMissing: row.keywords_missing,
  breakdown: row.breakdown,
  analysisModel: row.analysis_model,
  tokensUsed: row.tokens_used,
  analyzedAt: new Date(row.analyzed_at),
});

/** Every column but the extracted text, which only the review reads. */
const RESUME_COLUMNS = [
  'id', 'candidate_id', 'file_name', 'file_size', 'content_type', 'storage_key', 'uploaded_at', 'parsed_at', 'parsing_status',
  'parsed_data', 'error_message', 'is_active',
];

/** The resume an interview start reads (the one named, or else the active one), as named statements: one per start. */
const FIND_OWNED = new NamedStatement('resumes_find_owned', `select ${RESUME_COLUMNS.join(', ')} from resumes
  where id = ? and candidate_id = ?`);
const FIND_ACTIVE = new NamedStatement('resumes_find_active', `select ${RESUME_COLUMNS.join(', ')} from resumes
  where candidate_id = ? and is_active limit 1`);

export class PgResumeRepository implements ResumeRepository {
  constructor(private readonly db: Knex) {}

  /** Serialises the candidate's activations: two uploads at once never both end active. */
  private lockCandidate(trx: Knex, candidateId: string) {
    return lockKey(trx, `resumes:${candidateId}`);
  }

  async insertActive(resume: Resume): Promise<void> {
    await atomically(this.db, async (trx) => {
      await this.lockCandidate(trx, resume.candidateId);
      await trx('resumes').where({ candidate_id: resume.candidateId, is_active: true }).update({ is_active: false });
      await trx('resumes').insert({
        id: resume.id,
        candidate_id: resume.candidateId,
        file_name: resume.fileName,
        file_size: resume.fileSize,
        content_type: CONTENT_TYPES[resume.type],
        storage_key: resume.storageKey,
        uploaded_at: resume.uploadedAt,
        parsed_at: resume.parsedAt,
        parsing_status: resume.parsingStatus,
        parsed_data: resume.parsed ? JSON.stringify(toDocument(resume.parsed)) : null,
        error_message: resume.errorMessage,
        is_active: true,
      });
    });
  }

  async find(id: string): Promise<Resume | undefined> {
    const row = (await this.db('resumes').where({ id }).first(RESUME_COLUMNS)) as ResumeRow | undefined;
    return row && toResume(row);
  }

  async findOwned(candidateId: string, id: string): Promise<Resume | undefined> {
    const [row] = await FIND_OWNED.rows<ResumeRow>(this.db, [id, candidateId]);
    return row && toResume(row);
  }

  async listOwned(candidateId: string): Promise<Resume[]> {
    const rows = (await this.db('resumes').select(RESUME_COLUMNS).where({ candidate_id: candidateId }).orderBy([
      { column: 'uploaded_at', order: 'desc' }, { column: 'id', order: 'desc' },
    ])) as ResumeRow[];
    return rows.map(toResume);
  }

  async countOwned(candidateId: string): Promise<number> {
    const [row] = await this.db('resumes').where({ candidate_id: candidateId }).count<{ count: string }[]>('* as count');
    return Number(row?.count ?? 0);
  }

  async knownStorageKeys(keys: readonly string[]): Promise<Set<string>> {
    const known = new Set<string>();
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await this.db('resumes').whereIn('storage_key', keys.slice(i, i + 500)).select('storage_key');
      for (const row of rows) known.add(row.storage_key as string);
    }
    return known;
  }

  async findActive(candidateId: string): Promise<Resume | undefined> {
    const [row] = await FIND_ACTIVE.rows<ResumeRow>(this.db, [candidateId]);
    return row && toResume(row);
  }

  async activate(candidateId: string, id: string): Promise<boolean> {
    return atomically(this.db, async (trx) => {
      await this.lockCandidate(trx, candidateId);
      const owned = await trx('resumes').where({ id, candidate_id: candidateId }).first('id');
      if (!owned) return false;
      await trx('resumes').where({ candidate_id: candidateId, is_active: true }).whereNot({ id }).update({ is_active: false });
      await trx('resumes').where({ id }).update({ is_active: true });
      return true;
    });
  }

  async setParsing(id: string, outcome: ParsingOutcome): Promise<void> {
    const patch: Record<string, unknown> = { parsing_status: outcome.status };
    if (outcome.parsed !== undefined) patch.parsed_data = outcome.parsed ? JSON.stringify(toDocument(outcome.parsed)) : null;
    if (outcome.errorMessage !== undefined) patch.error_message = outcome.errorMessage;
    if (outcome.parsedAt !== undefined) patch.parsed_at = outcome.parsedAt;
    if (outcome.extractedText !== undefined) patch.extracted_text = outcome.extractedText;
    await this.db('resumes').where({ id }).update(patch);
  }

  async extractedText(id: string): Promise<string | undefined> {
    const row = await this.db('resumes').where({ id }).first('extracted_text');
    return typeof row?.extracted_text === 'string' ? row.extracted_text : undefined;
  }

  async delete(candidateId: string, id: string): Promise<void> {
    await atomically(this.db, async (trx) => {
      await this.lockCandidate(trx, candidateId);
      await trx('resumes').where({ id, candidate_id: candidateId }).delete();
    });
  }

  async addAnalysis(a: ResumeAnalysis): Promise<void> {
    await this.db('resume_analyses').insert({
      id: a.id,
      resume_id: a.resumeId,
      overall_score: a.overallScore,
      strengths: JSON.stringify(a.strengths),
      weaknesses: JSON.stringify(a.weaknesses),
      suggestions: JSON.stringify(a.suggestions),
      keywords_missing: JSON.stringify(a.keywordsMissing),
      breakdown: a.breakdown ? JSON.stringify(a.breakdown) : null,
      analysis_model: a.analysisModel,
      tokens_used: a.tokensUsed,
      analyzed_at: a.analyzedAt,
    });
  }

  async latestAnalysis(resumeId: string): Promise<ResumeAnalysis | undefined> {
    const row = await this.db<AnalysisRow>('resume_analyses').where({ resume_id: resumeId })
      .orderBy([{ column: 'analyzed_at', order: 'desc' }, { column: 'id', order: 'desc' }]).first();
    return row && toAnalysis(row);
  }
}
