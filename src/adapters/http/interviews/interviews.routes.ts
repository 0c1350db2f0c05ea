import {
  CompleteInterview, InterviewQueries, StartInterview, SubmitAnswer,
} from '../../../domain/interviews/index.js';
import { boundaryLevels, type ProgressionState } from '../../../domain/assessment/index.js';
import { DomainError } from '../../../domain/shared/domain-error.js';
import { Logger } from '../../../ports/logger.js';
import { token } from '../../../ports/token.js';
import { HttpError } from '../http-errors.js';
import { INTERNAL_ERROR_BODY, logUnhandled, publicErrorOf } from '../error-middleware.js';
import type { SlidingWindowLimiter } from '../rate-limiter.js';
import { ErrorBody, type RouteRegistry } from '../route-registry.js';
import {
  CompletionResponse, InterviewIdParams, InterviewResponse, iso, ListQuery, MessagesQuery, MessagesResponse,
  ResultsResponse, StartInterviewBody, StatusResponse, SubmitMessageBody, toInterviewResponse, toMessageItem,
  toTurnResponse, TranscriptQuery, TranscriptResponse, TurnResponse,
} from './interviews.dto.js';
import { toCompletionResponse, toResultsResponse } from './interviews.report-dto.js';
import type { Context } from 'koa';
import { z } from 'zod';

/** Limits interview starts per client address. */
export const InterviewStartLimiter = token<SlidingWindowLimiter>('InterviewStartLimiter');

/** The codes the replaced system's clients know (INTERVIEW_NOT_FOUND, ACCESS_DENIED, INTERVIEW_COMPLETED, INTERVIEW_NOT_ACTIVE) keep its spelling. */
export const interviewErrorStatuses: Record<string, number> = {
  INTERVIEW_NOT_FOUND: 404,
  ACCESS_DENIED: 403,
  INTERVIEW_COMPLETED: 400,
  INTERVIEW_NOT_ACTIVE: 400,
  'interviews.unknown_role': 422,
  'interviews.role_required': 400,
  'interviews.resume_not_found': 404,
  'interviews.application_not_found': 404,
  'interviews.concurrent_answer': 409,
  'interviews.idempotency_key_reused': 422,
  'interviews.not_completed': 409,
  'assessment.answer_out_of_order': 409,
};

const IdempotencyKey = z.string().min(1).max(255).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

function idempotencyKeyOf(koa: Context): string | undefined {
  // An empty header is a malformed key, not an absent one: a client that meant a key gets told.
  if (koa.headers['idempotency-key'] === undefined) return undefined;
  const raw = koa.get('Idempotency-Key');
  const key = IdempotencyKey.safeParse(raw);
  if (!key.success) throw new HttpError(422, 'Idempotency-Key must be 1–255 printable ASCII characters without spaces');
  return key.data;
}

/**
 * Aborts the turn's AI calls when the client goes away before the response is complete. The
 * response's close is watched: the request's own close has fired once its body was read, before any route ran.
 */
function abortOnDisconnect(koa: Context): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onClose = () => {
    if (!koa.res.writableFinished) controller.abort();
  };
  koa.res.once('close', onClose);
  return { signal: controller.signal, dispose: () => koa.res.off('close', onClose) };
}

export function interviewRoutes(registry: RouteRegistry): void {
  const notFound = { 404: { description: 'Interview not found', schema: ErrorBody } };
  const forbidden = { 403: { description: 'Not your interview', schema: ErrorBody } };
  // What a turn's AI calls can end in when every provider of the chain failed (before any event, on the streamed route).
  const aiRateLimited = { 429: { description: 'The AI provider is rate limiting (code RATE_LIMIT_EXCEEDED; Retry-After)', schema: ErrorBody } };
  const aiFailures = {
    502: { description: 'The AI provider returned an unusable answer (code ai.bad_response)', schema: ErrorBody },
    503: { description: 'The AI provider is unavailable (code ai.provider_unavailable; Retry-After)', schema: ErrorBody },
  };

  registry.add({
    method: 'post',
    path: '/api/v1/interviews/start',
    summary: 'Start a text interview for a role; the first question is message 1',
    tags: ['interviews'],
    auth: ['candidate'],
    body: StartInterviewBody,
    responses: {
      201: { description: 'Interview started', schema: InterviewResponse },
      400: { description: 'Neither role_type nor application_id', schema: ErrorBody },
      404: { description: 'Resume or application not found', schema: ErrorBody },
      422: { description: 'Unknown role_type (the detail lists the roles)', schema: ErrorBody },
      429: { description: 'Too many interview starts from this address, or the AI provider is rate limiting (code RATE_LIMIT_EXCEEDED; Retry-After)', schema: ErrorBody },
      ...aiFailures,
    },
    async handler({ body, user, koa, resolve }) {
      const verdict = resolve(InterviewStartLimiter).take(koa.ip);
      if (!verdict.allowed) {
        throw new HttpError(429, `Too many interviews started from this address; try again in ${verdict.retryAfterSeconds} seconds`, {
          'Retry-After': String(verdict.retryAfterSeconds),
        }, 'RATE_LIMIT_EXCEEDED');
      }
      // Only a started interview counts: a refused start (unknown role, someone else's resume) frees its slot.
      const disconnect = abortOnDisconnect(koa);
      try {
        const { interview } = await resolve(StartInterview).execute({
          candidateId: user.id, roleType: body.role_type, resumeId: body.resume_id, applicationId: body.application_id, signal: disconnect.signal,
        });
        return { status: 201, body: toInterviewResponse(interview) };
      } catch (error) {
        verdict.release();
        throw error;
      } finally {
        disconnect.dispose();
      }
    },
  });

  registry.add({
    method: 'post',
    path: '/api/v1/interviews/:id/messages',
    summary: 'Answer the current question; returns the next one (send Idempotency-Key to make retries safe). A short request about the question ("could you repeat the question?") gets it again (a hint request too, the hint declined), up to three times per question, ungraded and uncounted',
    tags: ['interviews'],
    auth: ['candidate'],
    params: InterviewIdParams,
    body: SubmitMessageBody,
    responses: {
      200: { description: 'Graded; next question', schema: TurnResponse },
      400: { description: 'Interview completed (code INTERVIEW_COMPLETED) or not active', schema: ErrorBody },
      ...forbidden, ...notFound,
      409: { description: 'Another answer to this interview was processed at the same time', schema: ErrorBody },
      422: { description: 'Invalid message, or Idempotency-Key reused for another request', schema: ErrorBody },
      ...aiRateLimited, ...aiFailures,
    },
    async handler({ params, body, user, koa, resolve }) {
      const idempotencyKey = idempotencyKeyOf(koa);
      const disconnect = abortOnDisconnect(koa);
      try {
        const { result, replayed } = await resolve(SubmitAnswer).execute({
          interviewId: params.id, candidateId: user.id, answer: body.message_text, idempotencyKey, signal: disconnect.signal,
        });
        return { body: toTurnResponse(result), headers: { 'Idempotent-Replayed': String(replayed) } };
      } finally {
        disconnect.dispose();
      }
    },
  });

  registry.add({
    method: 'post',
    path: '/api/v1/interviews/:id/messages/stream',
    summary: 'Answer the current question; the reply streams as Server-Sent Events (token events, then one final event with the same payload as the non-streaming route)',
    tags: ['interviews'],
    auth: ['candidate'],
    params: InterviewIdParams,
    body: SubmitMessageBody,
    responses: {
      200: { description: 'text/event-stream: `event: token` {text}…, then `event: final` with the turn payload (or `event: error` {detail, code}); an `event: reset` {} withdraws the tokens before it (an AI attempt that failed, or a reply replaced), and the tokens after the last reset add up to the question', contentType: 'text/event-stream', schema: TurnResponse },
      400: { description: 'Interview completed or not active (answered as JSON before any event)', schema: ErrorBody },
      ...forbidden, ...notFound,
      422: { description: 'Invalid message or Idempotency-Key', schema: ErrorBody },
      ...aiRateLimited, ...aiFailures,
    },
    async handler({ params, body, user, koa, resolve, requestId }) {
      const idempotencyKey = idempotencyKeyOf(koa);
      const disconnect = abortOnDisconnect(koa);
      const res = koa.res;
      let started = false;
      // Errors before the first event are answered as ordinary JSON errors by the error middleware. A
      // replay (see SubmitAnswer) streams nothing of its own: its events start once it is known to be one.
      const send = (event: string, data: unknown, replayed = false) => {
        if (!started) {
          started = true;
          koa.respond = false;
          koa.status = 200;
          res.writeHead(200, {
            ...(res.getHeaders() as Record<string, string>),
            'Content-Type': 'text/event-stream; charset=utf-8',
            'Cache-Control': 'no-cache, no-transform',
            Connection: 'keep-alive',
            'X-Accel-Buffering': 'no',
            'Idempotent-Replayed': String(replayed),
          });
        }
        if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      try {
        const { result, replayed } = await resolve(SubmitAnswer).execute({
          interviewId: params.id, candidateId: user.id, answer: body.message_text,
          idempotencyKey, signal: disconnect.signal, onToken: (text) => send('token', { text }), onReset: () => send('reset', {}),
        });
        if (replayed && !started) send('token', { text: result.aiResponse }, true);
        send('final', toTurnResponse(result));
        res.end();
      } catch (error) {
        if (!started) throw error;
        if ((error as Error)?.name !== 'AbortError') {
          // Only domain errors say what went wrong; anything else stays internal, and is logged as the error middleware logs a 500.
          if (!(error instanceof DomainError)) logUnhandled(resolve(Logger), requestId, error, 'unhandled error after the stream started');
          send('error', error instanceof DomainError ? publicErrorOf(error) : INTERNAL_ERROR_BODY);
        }
        res.end();
      } finally {
        disconnect.dispose();
      }
    },
  });

  registry.add({
    method: 'get',
    path: '/api/v1/interviews/:id/messages',
    summary: 'Messages of an interview, paged by sequence',
    tags: ['interviews'],
    auth: 'any',
    params: InterviewIdParams,
    query: MessagesQuery,
    responses: { 200: { description: 'A page of messages', schema: MessagesResponse }, ...forbidden, ...notFound },
    async handler({ params, query, user, resolve }) {
      const { page } = await resolve(InterviewQueries).messages(params.id, user, {
        skip: query.skip, limit: query.limit, minSequence: query.min_sequence, maxSequence: query.max_sequence,
      });
      return {
        body: { interview_id: params.id, total_count: page.total, skip: query.skip, limit: query.limit, messages: page.messages.map(toMessageItem) },
      };
    },
  });

  registry.add({
    method: 'get',
    path: '/api/v1/interviews/:id/status',
    summary: 'State of an interview',
    tags: ['interviews'],
    auth: 'any',
    params: InterviewIdParams,
    responses: { 200: { description: 'Status', schema: StatusResponse }, ...forbidden, ...notFound },
    async handler({ params, user, resolve }) {
      const i = await resolve(InterviewQueries).get(params.id, user);
      const state = i.progression as ProgressionState;
      return {
        body: {
          interview_id: i.id, status: i.status, role_type: i.roleType, started_at: iso(i.startedAt), completed_at: iso(i.completedAt),
          questions_asked: i.asked.length, current_difficulty: state.phase, last_activity_at: i.lastActivityAt.toISOString(),
          skill_boundaries: boundaryLevels(state.boundaries), video_recording_consent: i.videoRecordingConsent,
          video_recording_status: i.videoRecordingStatus, job_posting_id: i.jobPostingId,
        },
      };
    },
  });

  registry.add({
    method: 'get',
    path: '/api/v1/interviews/:id/transcript',
    summary: 'Transcript of an interview',
    tags: ['interviews'],
    auth: 'any',
    params: InterviewIdParams,
    query: TranscriptQuery,
    responses: { 200: { description: 'Transcript', schema: TranscriptResponse }, ...forbidden, ...notFound },
    async handler({ params, query, user, resolve }) {
      const { interview: i, page } = await resolve(InterviewQueries).messages(params.id, user, { skip: query.skip, limit: query.limit });
      return {
        body: {
          interview_id: i.id, started_at: iso(i.startedAt), completed_at: iso(i.completedAt), duration_seconds: i.durationSeconds,
          total_count: page.total,
          messages: page.messages.map((m) => ({
            sequence_number: m.sequence, message_type: m.type, content_text: m.text, created_at: m.createdAt.toISOString(), audio_url: null,
          })),
        },
      };
    },
  });

  registry.add({
    method: 'post',
    path: '/api/v1/interviews/:id/complete',
    summary: 'Complete an interview (idempotent: a second call returns the stored result)',
    tags: ['interviews'],
    auth: ['candidate'],
    params: InterviewIdParams,
    responses: {
      200: { description: 'Completion summary', schema: CompletionResponse },
      400: { description: 'Interview abandoned', schema: ErrorBody },
      ...forbidden, ...notFound,
    },
    async handler({ params, user, resolve }) {
      const { interview, assessment } = await resolve(CompleteInterview).execute({ interviewId: params.id, candidateId: user.id });
      return { body: toCompletionResponse(interview, assessment) };
    },
  });

  registry.add({
    method: 'get',
    path: '/api/v1/interviews/:id/results',
    summary: 'The persisted assessment report of a completed interview',
    tags: ['interviews'],
    auth: 'any',
    params: InterviewIdParams,
    responses: {
      200: { description: 'Report', schema: ResultsResponse },
      409: { description: 'Not completed yet', schema: ErrorBody },
      ...forbidden, ...notFound,
    },
    async handler({ params, user, resolve }) {
      return { body: toResultsResponse(await resolve(InterviewQueries).results(params.id, user)) };
    },
  });

  registry.add({
    method: 'get',
    path: '/api/v1/interviews/:id',
    summary: 'One interview',
    tags: ['interviews'],
    auth: 'any',
    params: InterviewIdParams,
    responses: { 200: { description: 'Interview', schema: InterviewResponse }, ...forbidden, ...notFound },
    async handler({ params, user, resolve }) {
      return { body: toInterviewResponse(await resolve(InterviewQueries).get(params.id, user)) };
    },
  });

  registry.add({
    method: 'get',
    path: '/api/v1/interviews',
    summary: 'My interviews, newest first',
    tags: ['interviews'],
    auth: ['candidate'],
    query: ListQuery,
    responses: { 200: { description: 'Interviews', schema: z.object({ total: z.number(), skip: z.number(), limit: z.number(), interviews: z.array(InterviewResponse) }) } },
    async handler({ query, user, resolve }) {
      const { total, interviews } = await resolve(InterviewQueries).mine(user.id, query);
      return { body: { total, skip: query.skip, limit: query.limit, interviews: interviews.map(toInterviewResponse) } };
    },
  });
}
