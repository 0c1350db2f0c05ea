import type { Migration } from '../src/adapters/postgres/migrator.js';
import { accounts } from './202611240001_accounts.js';
import { resumes } from './202611240002_resumes.js';
import { interviews } from './202611240003_interviews.js';
import { jobs } from './202611240004_jobs.js';
import { aiUsage } from './202611240005_ai_usage.js';
import { aiSettings } from './202611240006_ai_settings.js';
import { profiles } from './202611290001_profiles.js';
import { interviewStateJson } from './202611300001_interview_state_json.js';
import { interviewStateDerived } from './202611300002_interview_state_derived.js';
import { messageMetadataJson } from './202612040001_message_metadata_json.js';
import { idempotencyScope } from './202612050001_idempotency_scope.js';
import { assessmentReportJson } from './202612060001_assessment_report_json.js';
import { interviewsResumeIndex } from './202612060002_interviews_resume_index.js';

/** The core schema, in order. Plugins add their own through ctx.migrations(). */
export const coreMigrations: readonly Migration[] = [
  accounts, resumes, interviews, jobs, aiUsage, aiSettings, profiles, interviewStateJson, interviewStateDerived,
  messageMetadataJson, idempotencyScope, assessmentReportJson, interviewsResumeIndex,
];
