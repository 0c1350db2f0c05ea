import { plainText } from '../shared/text.js';
import { normaliseSkills } from '../skills/index.js';

export const WORK_SETUPS = ['remote', 'hybrid', 'onsite', 'any'] as const;
export type WorkSetup = (typeof WORK_SETUPS)[number];

export const MAX_PROFILE_SKILLS = 50;
export const MAX_EXPERIENCE_YEARS = 50;

/** What the candidate is looking for. Lists are trimmed and de-duplicated; salary max ≥ min. */
export interface JobPreferences {
  employmentTypes: string[];
  locations: string[];
  /** Empty until the candidate states one; ["any"] when they said any. */
  workSetups: WorkSetup[];
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string;
  salaryPeriod: string;
}

/** The candidate's profile: what they say about themselves, apart from the account's name and phone. */
export interface CandidateProfile {
  candidateId: string;
  /** Canonical skill names, sorted. */
  skills: string[];
  experienceYears: number | null;
  preferences: JobPreferences;
  /** 0–100, recomputed on every change; null until first computed. */
  completenessScore: number | null;
  updatedAt: Date;
  /** Optimistic concurrency version; 0 for a profile never saved. */
  version: number;
}

export const emptyPreferences = (): JobPreferences => ({
  employmentTypes: [], locations: [], workSetups: [], salaryMin: null, salaryMax: null,
  salaryCurrency: 'USD', salaryPeriod: 'annually',
});

export const newProfile = (candidateId: string, now: Date): CandidateProfile => ({
  candidateId, skills: [], experienceYears: null, preferences: emptyPreferences(),
  completenessScore: null, updatedAt: now, version: 0,
});

/** Skills as the profile keeps them: trimmed, lower-cased, aliases resolved, de-duplicated, sorted. */
export const normaliseProfileSkills = (skills: readonly string[]): string[] => normaliseSkills(skills);

/** Trimmed, empty entries dropped, first spelling of each (case-insensitive) kept. */
export function cleanList(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const value = plainText(raw).trim().replace(/\s+/g, ' ');
    if (value === '' || seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    out.push(value);
  }
  return out;
}

export interface CompletenessInput {
  email: string | null;
  fullName: string | null;
  phone: string | null;
  skills: readonly string[];
  experienceYears: number | null;
  preferences: JobPreferences;
  resumeCount: number;
}

/**
 * The original system's weights (max 100): email 10, full name 10, phone 10, skills 20 when there
 * are at least four (10 for one to three), experience 15, employment types 7, work setups 7, both
 * salary bounds 6, at least one resume 15.
 */
export function profileCompleteness(p: CompletenessInput): number {
  const filled = (s: string | null) => s !== null && s.trim() !== '';
  let score = 0;
  if (filled(p.email)) score += 10;
  if (filled(p.fullName)) score += 10;
  if (filled(p.phone)) score += 10;
  if (p.skills.length >= 4) score += 20;
  else if (p.skills.length > 0) score += 10;
  if (p.experienceYears !== null) score += 15;
  if (p.preferences.employmentTypes.length > 0) score += 7;
  if (p.preferences.workSetups.length > 0) score += 7;
  if (p.preferences.salaryMin !== null && p.preferences.salaryMax !== null) score += 6;
  if (p.resumeCount > 0) score += 15;
  return score;
}

/**
 * What a parsed resume adds to a profile: the union of skills (at most the profile's limit), and
 * the years of experience only when the profile has none and the resume shows some.
 */
export function mergeResumeIntoProfile(
  profile: CandidateProfile,
  parsed: { skills: readonly string[]; experienceYears: number },
): CandidateProfile {
  const union = normaliseProfileSkills([...profile.skills, ...parsed.skills]);
  const skills = union.length <= MAX_PROFILE_SKILLS
    ? union
    : [...profile.skills, ...union.filter((s) => !profile.skills.includes(s))].slice(0, MAX_PROFILE_SKILLS).sort();
  const experienceYears = profile.experienceYears === null && parsed.experienceYears > 0
    ? Math.min(MAX_EXPERIENCE_YEARS, Math.floor(parsed.experienceYears))
    : profile.experienceYears;
  return { ...profile, skills, experienceYears };
}
