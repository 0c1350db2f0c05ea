/** A month written 'YYYY-MM'. */
export type YearMonth = string;

/** Where on the resume a fact was read. */
export type ResumeSection =
  | 'header' | 'summary' | 'experience' | 'education' | 'skills' | 'certifications' | 'projects' | 'other';

export interface ResumeContact {
  name: string | null;
  email: string | null;
  phone: string | null;
  /** LinkedIn, GitHub and other URLs, as written (trailing punctuation removed). */
  links: string[];
}

export interface ResumeSkill {
  /** Canonical taxonomy name (or the trimmed lower-case spelling for an unknown skill). */
  name: string;
  /** The spelling on the resume. */
  matched: string;
  section: ResumeSection;
}

export interface ResumeExperience {
  title: string;
  company: string | null;
  startDate: YearMonth | null;
  endDate: YearMonth | null;
  /** "Present", "Current", "Now": endDate is null and the role counts up to the "as of" date. */
  current: boolean;
  section: ResumeSection;
}

export interface ResumeEducation {
  degree: string;
  institution: string | null;
  /** Graduation (or latest) year written for the entry. */
  year: number | null;
}

export type ResumeWarningType = 'hidden_text' | 'prompt_injection';

export interface ResumeWarning {
  type: ResumeWarningType;
  detail: string;
}

/** What a resume says, read field by field. Nothing in it comes from hidden text or injected instructions. */
export interface ParsedResume {
  contact: ResumeContact;
  skills: ResumeSkill[];
  /** Most recent first. */
  experience: ResumeExperience[];
  /** Years of work, overlapping periods counted once, up to the "as of" date; one decimal. */
  totalYears: number;
  /** Title of the current position (the latest-started one if several), else null. */
  currentRole: string | null;
  education: ResumeEducation[];
  certifications: string[];
  warnings: ResumeWarning[];
}

export const emptyParsedResume = (): ParsedResume => ({
  contact: { name: null, email: null, phone: null, links: [] },
  skills: [],
  experience: [],
  totalYears: 0,
  currentRole: null,
  education: [],
  certifications: [],
  warnings: [],
});

/**
 * The flat shape the original system stored as `resumes.parsed_data` and used to fill the profile:
 * skill names, whole years (0–50), degrees, and past titles most recent first.
 */
export interface ResumeProfileSummary {
  skills: string[];
  experienceYears: number;
  education: string[];
  pastRoles: string[];
}

export function summariseForProfile(parsed: ParsedResume): ResumeProfileSummary {
  const education = parsed.education.map((e) => [e.degree, e.institution].filter(Boolean).join(', '));
  const pastRoles = parsed.experience.map((e) => (e.company ? `${e.title} at ${e.company}` : e.title));
  return {
    skills: parsed.skills.map((s) => s.name),
    experienceYears: Math.max(0, Math.min(50, Math.floor(parsed.totalYears))),
    education,
    pastRoles,
  };
}
