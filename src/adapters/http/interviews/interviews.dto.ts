import { z } from 'zod';
import type { Interview, InterviewAssessment, InterviewMessage, TurnResult } from '../../../domain/interviews/index.js';
import { iso } from '../dto-dates.js';

export const StartInterviewBody = z.object({
  role_type: z.string().trim().min(1).max(50).nullish(),
  resume_id: z.uuid().nullish(),
  application_id: z.uuid().nullish(),
});

export const SubmitMessageBody = z.object({
  // A blank answer (an Enter pressed by mistake) is refused rather than graded as a non-answer; an
  // empty one is told so once (too short), not also as blank.
  message_text: z.string().min(1, { abort: true }).max(2000).refine((text) => text.trim().length > 0, 'must not be blank'),
  audio_metadata: z.record(z.string(), z.unknown()).nullish(),
});

export const InterviewIdParams = z.object({ id: z.uuid() });

/** A query's whole number: "abc" or "1.5" is refused as not one (zod's own words, "expected number, received NaN", say how it read it). */
const WHOLE = 'must be a whole number';
/** Decimal digits (a sign allowed, for the range check to answer): "0x10", "1e1" or " 7" are not read as numbers. */
const DECIMAL = /^-?\d+$/;
const queryInt = (min: number, max: number) => z.preprocess(
  (value) => (typeof value === 'string' && !DECIMAL.test(value) ? Number.NaN : value),
  z.coerce.number({ error: (issue) => (issue.code === 'invalid_type' ? WHOLE : undefined) }).int({ error: WHOLE }).min(min).max(max),
);
const optionalInt = (min: number, max: number) => queryInt(min, max).optional();
const intWithDefault = (min: number, max: number, fallback: number) => queryInt(min, max).default(fallback);

export const MessagesQuery = z.object({
  skip: intWithDefault(0, 1_000_000, 0),
  limit: intWithDefault(1, 100, 50),
  min_sequence: optionalInt(1, 1_000_000),
  max_sequence: optionalInt(1, 1_000_000),
}).refine((q) => q.min_sequence === undefined || q.max_sequence === undefined || q.min_sequence <= q.max_sequence, {
  path: ['max_sequence'], message: 'must not be less than min_sequence',
});

export const TranscriptQuery = z.object({ skip: intWithDefault(0, 1_000_000, 0), limit: intWithDefault(1, 100, 100) });
export const ListQuery = z.object({ skip: intWithDefault(0, 1_000_000, 0), limit: intWithDefault(1, 100, 20) });

export const InterviewResponse = z.object({
  id: z.uuid(),
  candidate_id: z.uuid(),
  resume_id: z.uuid().nullable(),
  job_posting_id: z.uuid().nullable(),
  role_type: z.string(),
  status: z.string(),
  started_at: z.string().nullable(),
  completed_at: z.string().nullable(),
  duration_seconds: z.number().nullable(),
  ai_model_used: z.string().nullable(),
  total_tokens_used: z.number(),
  cost_usd: z.number(),
  created_at: z.string(),
});

export const toInterviewResponse = (i: Interview): z.infer<typeof InterviewResponse> => ({
  id: i.id,
  candidate_id: i.candidateId,
  resume_id: i.resumeId,
  job_posting_id: i.jobPostingId,
  role_type: i.roleType,
  status: i.status,
  started_at: iso(i.startedAt),
  completed_at: iso(i.completedAt),
  duration_seconds: i.durationSeconds,
  ai_model_used: i.aiModelUsed,
  total_tokens_used: i.totalTokensUsed,
  cost_usd: i.costUsd,
  created_at: i.createdAt.toISOString(),
});

export const TurnResponse = z.object({
  message_id: z.uuid(),
  ai_response: z.string(),
  question_number: z.number(),
  total_questions: z.number(),
  session_state: z.object({
    current_difficulty: z.string(),
    skill_boundaries: z.record(z.string(), z.string()),
    questions_asked: z.number(),
  }),
  interview_complete: z.boolean(),
});

export const toTurnResponse = (r: TurnResult): z.infer<typeof TurnResponse> => ({
  message_id: r.messageId,
  ai_response: r.aiResponse,
  question_number: r.questionNumber,
  total_questions: r.totalQuestions,
  session_state: {
    current_difficulty: r.currentDifficulty,
    skill_boundaries: r.skillBoundaries,
    questions_asked: r.questionsAsked,
  },
  interview_complete: r.interviewComplete,
});

export const MessageItem = z.object({
  id: z.uuid(),
  sequence_number: z.number(),
  message_type: z.enum(['ai_question', 'candidate_response']),
  content_text: z.string(),
  created_at: z.string(),
});

export const toMessageItem = (m: InterviewMessage) => ({
  id: m.id,
  sequence_number: m.sequence,
  message_type: m.type,
  content_text: m.text,
  created_at: m.createdAt.toISOString(),
});

export const MessagesResponse = z.object({
  interview_id: z.uuid(),
  total_count: z.number(),
  skip: z.number(),
  limit: z.number(),
  messages: z.array(MessageItem),
});

export const StatusResponse = z.object({
  interview_id: z.uuid(),
  status: z.string(),
  role_type: z.string(),
  started_at: z.string().nullable(),
  completed_at: z.string().nullable(),
  questions_asked: z.number(),
  current_difficulty: z.string(),
  last_activity_at: z.string(),
  skill_boundaries: z.record(z.string(), z.string()),
  video_recording_consent: z.boolean(),
  video_recording_status: z.string().nullable(),
  job_posting_id: z.uuid().nullable(),
});

export const TranscriptResponse = z.object({
  interview_id: z.uuid(),
  started_at: z.string().nullable(),
  completed_at: z.string().nullable(),
  duration_seconds: z.number().nullable(),
  total_count: z.number(),
  messages: z.array(z.object({
    sequence_number: z.number(),
    message_type: z.string(),
    content_text: z.string(),
    created_at: z.string(),
    audio_url: z.null(),
  })),
});

export const CompletionResponse = z.object({
  interview_id: z.uuid(),
  completed_at: z.string().nullable(),
  duration_seconds: z.number().nullable(),
  questions_answered: z.number(),
  skill_boundaries_identified: z.number(),
  message: z.string(),
  overall_score: z.number(),
  recommendation: z.string(),
  skill_assessments: z.array(z.object({ skill_area: z.string(), proficiency_level: z.string(), display_name: z.string() })),
  highlights: z.array(z.object({ title: z.string(), description: z.string(), skill_area: z.string().nullable() })),
  growth_areas: z.array(z.object({ skill_area: z.string(), suggestion: z.string(), display_name: z.string() })),
});

export const ResultsResponse = z.record(z.string(), z.unknown());

export { iso };
export type { InterviewAssessment };
