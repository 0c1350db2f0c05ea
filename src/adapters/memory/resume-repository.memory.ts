import type { Resume, ResumeAnalysis } from '../../domain/resumes/resume.js';
import type { ParsingOutcome, ResumeRepository } from '../../ports/resume-repository.js';
import type { MemoryStore } from './memory-store.js';

const newestFirst = (a: Resume, b: Resume) =>
  b.uploadedAt.getTime() - a.uploadedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export class MemoryResumeRepository implements ResumeRepository {
  constructor(private readonly store: MemoryStore) {}

  private get rows() {
    return this.store.table<Resume>('resumes');
  }

  private get texts() {
    return this.store.table<string>('resume_texts');
  }

  private get analyses() {
    return this.store.table<ResumeAnalysis>('resume_analyses');
  }

  private owned(candidateId: string): Resume[] {
    return [...this.rows.values()].filter((r) => r.candidateId === candidateId);
  }

  async insertActive(resume: Resume): Promise<void> {
    if (!this.store.table('accounts').has(resume.candidateId)) throw new Error(`No account ${resume.candidateId} for this resume`);
    if (this.rows.has(resume.id)) throw new Error(`Resume ${resume.id} already exists`);
    for (const r of this.owned(resume.candidateId)) r.isActive = false;
    this.rows.set(resume.id, structuredClone({ ...resume, isActive: true }));
  }

  async find(id: string): Promise<Resume | undefined> {
    const row = this.rows.get(id);
    return row && structuredClone(row);
  }

  async findOwned(candidateId: string, id: string): Promise<Resume | undefined> {
    const row = this.rows.get(id);
    return row && row.candidateId === candidateId ? structuredClone(row) : undefined;
  }

  async listOwned(candidateId: string): Promise<Resume[]> {
    return structuredClone(this.owned(candidateId).sort(newestFirst));
  }

  async countOwned(candidateId: string): Promise<number> {
    return this.owned(candidateId).length;
  }

  async knownStorageKeys(keys: readonly string[]): Promise<Set<string>> {
    const stored = new Set([...this.rows.values()].map((r) => r.storageKey));
    return new Set(keys.filter((k) => stored.has(k)));
  }

  async findActive(candidateId: string): Promise<Resume | undefined> {
    const row = this.owned(candidateId).find((r) => r.isActive);
    return row && structuredClone(row);
  }

  async activate(candidateId: string, id: string): Promise<boolean> {
    const target = this.rows.get(id);
    if (!target || target.candidateId !== candidateId) return false;
    for (const r of this.owned(candidateId)) r.isActive = r.id === id;
    return true;
  }

  async setParsing(id: string, outcome: ParsingOutcome): Promise<void> {
    const row = this.rows.get(id);
    if (!row) return;
    row.parsingStatus = outcome.status;
    if (outcome.parsed !== undefined) row.parsed = structuredClone(outcome.parsed);
    if (outcome.errorMessage !== undefined) row.errorMessage = outcome.errorMessage;
    if (outcome.parsedAt !== undefined) row.parsedAt = outcome.parsedAt;
    if (typeof outcome.extractedText === 'string') this.texts.set(id, outcome.extractedText);
    else if (outcome.extractedText === null) this.texts.delete(id);
  }

  async extractedText(id: string): Promise<string | undefined> {
    return this.rows.has(id) ? this.texts.get(id) : undefined;
  }

  async delete(candidateId: string, id: string): Promise<void> {
    if (this.rows.get(id)?.candidateId !== candidateId) return;
    this.rows.delete(id);
    this.texts.delete(id);
    for (const [key, a] of this.analyses) if (a.resumeId === id) this.analyses.delete(key);
  }

  async addAnalysis(analysis: ResumeAnalysis): Promise<void> {
    if (!this.rows.has(analysis.resumeId)) throw new Error(`No resume ${analysis.resumeId} for this analysis`);
    this.analyses.set(analysis.id, structuredClone(analysis));
  }

  async latestAnalysis(resumeId: string): Promise<ResumeAnalysis | undefined> {
    const [latest] = [...this.analyses.values()]
      .filter((a) => a.resumeId === resumeId)
      .sort((a, b) => b.analyzedAt.getTime() - a.analyzedAt.getTime() || (a.id < b.id ? 1 : -1));
    return latest && structuredClone(latest);
  }
}
