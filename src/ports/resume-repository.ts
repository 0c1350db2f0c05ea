import type { ParsingStatus, Resume, ResumeAnalysis, StoredParse } from '../domain/resumes/resume.js';
import { token } from './token.js';

export interface ParsingOutcome {
  status: ParsingStatus;
  parsed?: StoredParse | null;
  errorMessage?: string | null;
  parsedAt?: Date | null;
  /** The visible text the parse read (kept for the review). */
  extractedText?: string | null;
}

/**
 * Resume rows and their analyses (files live in ObjectStorage).
 * Contract: at most one active resume per candidate; insertActive stores a resume as the active one
 * and deactivates the candidate's others in the same write; activate makes one resume the active
 * one (false when it is not the candidate's); listOwned is newest first; findOwned resolves
 * undefined for another candidate's resume; delete removes the resume and its analyses;
 * latestAnalysis is the newest by analyzedAt; removing the account removes its resumes.
 */
export interface ResumeRepository {
  insertActive(resume: Resume): Promise<void>;
  find(id: string): Promise<Resume | undefined>;
  findOwned(candidateId: string, id: string): Promise<Resume | undefined>;
  listOwned(candidateId: string): Promise<Resume[]>;
  countOwned(candidateId: string): Promise<number>;
  /** Which of these storage keys a resume row points at. */
  knownStorageKeys(keys: readonly string[]): Promise<Set<string>>;
  findActive(candidateId: string): Promise<Resume | undefined>;
  activate(candidateId: string, id: string): Promise<boolean>;
  setParsing(id: string, outcome: ParsingOutcome): Promise<void>;
  /** The text stored with the parse; undefined when there is none (or no such resume). */
  extractedText(id: string): Promise<string | undefined>;
  /** Removes one of the candidate's resumes (serialised with their uploads and activations). */
  delete(candidateId: string, id: string): Promise<void>;
  addAnalysis(analysis: ResumeAnalysis): Promise<void>;
  latestAnalysis(resumeId: string): Promise<ResumeAnalysis | undefined>;
}
export const ResumeRepository = token<ResumeRepository>('ResumeRepository');
