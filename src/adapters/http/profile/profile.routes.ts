import { ManageProfile } from '../../../domain/candidates/index.js';
import { ErrorBody, type RouteRegistry } from '../route-registry.js';
import { BasicInfoBody, ExperienceBody, PreferencesBody, ProfileResponse, SkillsBody, toProfileResponse } from './profile.dto.js';

export const profileErrorStatuses: Record<string, number> = {
  'profile.invalid_salary_range': 422,
  'profile.too_many_skills': 422,
};

const common = {
  tags: ['profile'],
  auth: ['candidate'] as const,
  responses: {
    200: { description: 'The profile, completeness recomputed', schema: ProfileResponse },
    401: { description: 'Not signed in', schema: ErrorBody },
    403: { description: 'Not a candidate account', schema: ErrorBody },
    404: { description: 'Account not found', schema: ErrorBody },
    422: { description: 'Invalid fields', schema: ErrorBody },
  },
};

/** `/api/v1/profile` (a trailing slash is tolerated app-wide). */
export function profileRoutes(registry: RouteRegistry): void {
  registry.add({
    ...common,
    method: 'get',
    path: '/api/v1/profile',
    summary: 'My profile, with its completeness score and active resume',
    async handler({ user, resolve }) {
      return { body: toProfileResponse(await resolve(ManageProfile).get(user.id)) };
    },
  });
  registry.add({
    ...common,
    method: 'put',
    path: '/api/v1/profile/skills',
    summary: 'Replace my skills (trimmed, lower-cased, aliases resolved, de-duplicated, sorted; at most 50)',
    body: SkillsBody,
    async handler({ user, body, resolve }) {
      return { body: toProfileResponse(await resolve(ManageProfile).updateSkills(user.id, body.skills)) };
    },
  });
  registry.add({
    ...common,
    method: 'put',
    path: '/api/v1/profile/basic-info',
    summary: 'Change my name, phone and/or years of experience (fields left out stay as they are)',
    body: BasicInfoBody,
    async handler({ user, body, resolve }) {
      const view = await resolve(ManageProfile).updateBasicInfo(user.id, {
        ...(body.full_name !== undefined ? { fullName: body.full_name } : {}),
        ...(body.phone !== undefined ? { phone: body.phone } : {}),
        ...(body.experience_years !== undefined ? { experienceYears: body.experience_years } : {}),
      });
      return { body: toProfileResponse(view) };
    },
  });
  registry.add({
    ...common,
    method: 'put',
    path: '/api/v1/profile/experience',
    summary: 'Set my years of experience (0–50)',
    body: ExperienceBody,
    async handler({ user, body, resolve }) {
      return { body: toProfileResponse(await resolve(ManageProfile).updateExperience(user.id, body.experience_years)) };
    },
  });
  registry.add({
    ...common,
    method: 'put',
    path: '/api/v1/profile/preferences',
    summary: 'Replace my job preferences (salary max must be at least min)',
    body: PreferencesBody,
    async handler({ user, body, resolve }) {
      const view = await resolve(ManageProfile).updatePreferences(user.id, {
        employmentTypes: body.preferred_job_types,
        locations: body.preferred_locations,
        workSetup: body.preferred_work_setup,
        salaryMin: body.salary_expectation_min ?? null,
        salaryMax: body.salary_expectation_max ?? null,
        salaryCurrency: body.salary_currency,
        salaryPeriod: body.salary_period,
      });
      return { body: toProfileResponse(view) };
    },
  });
}
