import { z } from 'zod';
import { MAX_EXPERIENCE_YEARS, MAX_PROFILE_SKILLS, type ProfileView, WORK_SETUPS } from '../../../domain/candidates/index.js';

const years = z.number().int().min(0).max(MAX_EXPERIENCE_YEARS);
const shortList = z.array(z.string().trim().min(1).max(100)).max(50);
const money = z.number().min(0).max(1e12).nullish();

export const SkillsBody = z.object({ skills: z.array(z.string().max(100)).max(MAX_PROFILE_SKILLS) });

export const BasicInfoBody = z.object({
  full_name: z.string().trim().min(1).max(255).optional(),
  phone: z.string().trim().max(50).nullish(),
  experience_years: years.nullish(),
});

export const ExperienceBody = z.object({ experience_years: years });

export const PreferencesBody = z
  .object({
    preferred_job_types: shortList.default([]),
    preferred_locations: shortList.default([]),
    preferred_work_setup: z.enum(WORK_SETUPS).default('any'),
    salary_expectation_min: money,
    salary_expectation_max: money,
    salary_currency: z.string().trim().regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code').default('USD'),
    salary_period: z.enum(['hourly', 'daily', 'weekly', 'monthly', 'annually']).default('annually'),
  })
  .refine(
    (p) => p.salary_expectation_min == null || p.salary_expectation_max == null || p.salary_expectation_max >= p.salary_expectation_min,
    { message: 'salary_expectation_max must be at least salary_expectation_min', path: ['salary_expectation_max'] },
  );

export const ProfileResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  full_name: z.string(),
  phone: z.string().nullable(),
  skills: z.array(z.string()),
  experience_years: z.number().int().nullable(),
  preferred_job_types: z.array(z.string()),
  preferred_locations: z.array(z.string()),
  preferred_work_setup: z.enum(WORK_SETUPS),
  salary_expectation_min: z.number().nullable(),
  salary_expectation_max: z.number().nullable(),
  salary_currency: z.string(),
  salary_period: z.string(),
  profile_completeness_score: z.number().nullable(),
  resume_id: z.uuid().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

export function toProfileResponse({ account, profile, activeResumeId }: ProfileView): z.infer<typeof ProfileResponse> {
  const p = profile.preferences;
  return {
    id: account.id,
    email: account.email,
    full_name: account.fullName,
    phone: account.phone,
    skills: profile.skills,
    experience_years: profile.experienceYears,
    preferred_job_types: p.employmentTypes,
    preferred_locations: p.locations,
    preferred_work_setup: p.workSetups[0] ?? 'any',
    salary_expectation_min: p.salaryMin,
    salary_expectation_max: p.salaryMax,
    salary_currency: p.salaryCurrency,
    salary_period: p.salaryPeriod,
    profile_completeness_score: profile.completenessScore,
    resume_id: activeResumeId,
    created_at: account.createdAt.toISOString(),
    updated_at: (profile.updatedAt > account.updatedAt ? profile.updatedAt : account.updatedAt).toISOString(),
  };
}
