import { z } from 'zod';
import { CONTENT_TYPES, PARSING_STATUSES, type Resume, type ResumeAnalysis, type StoredParse } from '../../../domain/resumes/index.js';
import { iso } from '../dto-dates.js';

export const ResumeIdParams = z.object({ id: z.uuid() });
export const FileTokenParams = z.object({ token: z.string().min(10).max(2000) });

export const ResumeResponse = z.object({
  id: z.uuid(),
  file_name: z.string(),
  file_size: z.number().int(),
  content_type: z.string(),
  uploaded_at: z.string(),
  is_active: z.boolean(),
  parsing_status: z.enum(PARSING_STATUSES),
  parsed_at: z.string().nullable(),
  error_message: z.string().nullable(),
  /** The app's own download route for this resume (needs the bearer token); the frontend reads either name. */
  file_url: z.string(),
  storage_url: z.string(),
});

export function toResumeResponse(r: Resume): z.infer<typeof ResumeResponse> {
  const url = `/api/v1/resumes/${r.id}/download`;
  return {
    id: r.id,
    file_name: r.fileName,
    file_size: r.fileSize,
    content_type: CONTENT_TYPES[r.type],
    uploaded_at: r.uploadedAt.toISOString(),
    is_active: r.isActive,
    parsing_status: r.parsingStatus,
    parsed_at: iso(r.parsedAt),
    error_message: r.errorMessage,
    file_url: url,
    storage_url: url,
  };
}

const ParsedData = z.object({
  skills: z.array(z.string()),
  experience_years: z.number().int(),
  education: z.array(z.string()),
  past_roles: z.array(z.string()),
  total_years: z.number(),
  current_role: z.string().nullable(),
  contact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable(), links: z.array(z.string()) }),
  work_history: z.array(z.object({
    title: z.string(), company: z.string().nullable(), start_date: z.string().nullable(), end_date: z.string().nullable(),
    current: z.boolean(), section: z.string(),
  })),
  skill_details: z.array(z.object({ name: z.string(), matched: z.string(), section: z.string() })),
  education_details: z.array(z.object({ degree: z.string(), institution: z.string().nullable(), year: z.number().int().nullable() })),
  certifications: z.array(z.string()),
  warnings: z.array(z.object({ type: z.string(), detail: z.string() })),
  parsed_by: z.object({ provider: z.string(), model: z.string() }),
});

export const ParsingStatusResponse = z.object({
  resume_id: z.uuid(),
  status: z.enum(PARSING_STATUSES),
  parsed_data: ParsedData.nullable(),
  error_message: z.string().nullable(),
  parsed_at: z.string().nullable(),
});

function toParsedData(p: StoredParse): z.infer<typeof ParsedData> {
  const d = p.detail;
  return {
    skills: p.skills,
    experience_years: p.experienceYears,
    education: p.education,
    past_roles: p.pastRoles,
    total_years: d.totalYears,
    current_role: d.currentRole,
    contact: d.contact,
    work_history: d.experience.map((e) => ({
      title: e.title, company: e.company, start_date: e.startDate, end_date: e.endDate, current: e.current, section: e.section,
    })),
    skill_details: d.skills.map((s) => ({ name: s.name, matched: s.matched, section: s.section })),
    education_details: d.education.map((e) => ({ degree: e.degree, institution: e.institution, year: e.year })),
    certifications: d.certifications,
    warnings: d.warnings,
    parsed_by: p.parser,
  };
}

export const toParsingStatus = (r: Resume): z.infer<typeof ParsingStatusResponse> => ({
  resume_id: r.id,
  status: r.parsingStatus,
  parsed_data: r.parsed ? toParsedData(r.parsed) : null,
  error_message: r.errorMessage,
  parsed_at: iso(r.parsedAt),
});

export const AnalysisResponse = z.object({
  id: z.uuid(),
  resume_id: z.uuid(),
  overall_score: z.number().int(),
  strengths: z.array(z.string()),
  weaknesses: z.array(z.string()),
  suggestions: z.array(z.string()),
  keywords_missing: z.array(z.string()),
  score_breakdown: z.record(z.string(), z.number()).nullable(),
  analysis_model: z.string(),
  tokens_used: z.number().int(),
  analyzed_at: z.string(),
});

export const toAnalysisResponse = (a: ResumeAnalysis): z.infer<typeof AnalysisResponse> => ({
  id: a.id,
  resume_id: a.resumeId,
  overall_score: a.overallScore,
  strengths: a.strengths,
  weaknesses: a.weaknesses,
  suggestions: a.suggestions,
  keywords_missing: a.keywordsMissing,
  score_breakdown: a.breakdown,
  analysis_model: a.analysisModel,
  tokens_used: a.tokensUsed,
  analyzed_at: a.analyzedAt.toISOString(),
});

export const DownloadResponse = z.object({
  signed_url: z.string(),
  expires_in: z.number().int(),
  expires_at: z.string(),
});

export const UploadForm = z.object({
  file: z.string().meta({ format: 'binary', description: 'The resume: PDF or DOCX (recognised by content), at most 5 MB' }),
});
