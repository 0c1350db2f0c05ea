import { plainText } from '../shared/text.js';
import type { DocumentType } from './file-type.js';
import { summariseForProfile, type ParsedResume } from './parsed-resume.js';

export const PARSING_STATUSES = ['pending', 'processing', 'completed', 'failed'] as const;
export type ParsingStatus = (typeof PARSING_STATUSES)[number];

/** The largest resume accepted, in bytes (the original's limit). */
export const MAX_RESUME_BYTES = 5 * 1024 * 1024;

/**
 * The parse as stored and served: the original's flat fields (skills, experience_years, education,
 * past_roles) that the frontend and the profile read, and the full field-by-field parse beside them.
 */
export interface StoredParse {
  skills: string[];
  experienceYears: number;
  education: string[];
  pastRoles: string[];
  detail: ParsedResume;
  /** Which provider read it. */
  parser: { provider: string; model: string };
}

export interface Resume {
  id: string;
  candidateId: string;
  /** As the candidate named it (sanitised for display); never used to build a storage key. */
  fileName: string;
  fileSize: number;
  type: DocumentType;
  storageKey: string;
  uploadedAt: Date;
  isActive: boolean;
  parsingStatus: ParsingStatus;
  parsedAt: Date | null;
  parsed: StoredParse | null;
  /** Why parsing failed, in words a candidate can act on. */
  errorMessage: string | null;
}

export interface ResumeAnalysis {
  id: string;
  resumeId: string;
  overallScore: number;
  strengths: string[];
  weaknesses: string[];
  suggestions: string[];
  keywordsMissing: string[];
  breakdown: Record<string, number> | null;
  /** `provider/model` that wrote the review. */
  analysisModel: string;
  tokensUsed: number;
  analyzedAt: Date;
}

export const CONTENT_TYPES: Record<DocumentType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export const RESUME_STORAGE_PREFIX = 'resumes';

/** Storage keys are built from ids only: nothing the candidate typed reaches the storage layer. */
export const resumeStorageKey = (candidateId: string, resumeId: string, type: DocumentType): string =>
  `${RESUME_STORAGE_PREFIX}/${candidateId}/${resumeId}.${type}`;

export function toStoredParse(parsed: ParsedResume, parser: { provider: string; model: string }): StoredParse {
  const summary = summariseForProfile(parsed);
  const detail: ParsedResume = {
    contact: parsed.contact, skills: parsed.skills, experience: parsed.experience, totalYears: parsed.totalYears,
    currentRole: parsed.currentRole, education: parsed.education, certifications: parsed.certifications,
    warnings: parsed.warnings,
  };
  return { ...summary, detail, parser };
}

/**
 * A file name fit to show and to put in a Content-Disposition header: the last path segment,
 * control characters and quotes removed, at most 255 characters, never empty.
 */
export function displayFileName(raw: string | undefined, type: DocumentType): string {
  const last = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = plainText(last.replace(/[\u0000-\u001f\u007f"]/g, '')).trim().slice(0, 255);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? `resume.${type}` : cleaned;
}
