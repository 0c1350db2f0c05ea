import { DomainError, NotFound } from '../shared/domain-error.js';

export class InterviewNotFound extends NotFound {
  constructor(id: string) {
    super('INTERVIEW_NOT_FOUND', `Interview ${id} not found`, { interviewId: id });
  }
}

export class InterviewAccessDenied extends DomainError {
  constructor() {
    super('ACCESS_DENIED', 'You do not have access to this interview');
  }
}

export class InterviewCompleted extends DomainError {
  constructor(id: string) {
    super('INTERVIEW_COMPLETED', `Interview ${id} is already completed`, { interviewId: id });
  }
}

export class InterviewNotActive extends DomainError {
  constructor(id: string, status: string) {
    super('INTERVIEW_NOT_ACTIVE', `Interview ${id} is ${status}, not in progress`, { interviewId: id, status });
  }
}

export class UnknownRole extends DomainError {
  constructor(role: string, readonly roles: readonly string[]) {
    super('interviews.unknown_role', `Unknown role_type "${role}". Valid roles: ${roles.join(', ')}`, { roles });
  }
}

export class RoleRequired extends DomainError {
  constructor() {
    super('interviews.role_required', 'role_type or application_id is required');
  }
}

export class ResumeNotFound extends NotFound {
  constructor(id: string) {
    super('interviews.resume_not_found', `Resume ${id} not found`, { resumeId: id });
  }
}

export class ApplicationNotFound extends NotFound {
  constructor(id: string) {
    super('interviews.application_not_found', `Application ${id} not found`, { applicationId: id });
  }
}

/** Another answer to the same interview committed first: the client should reload and retry. */
export class ConcurrentAnswer extends DomainError {
  constructor(id: string) {
    super('interviews.concurrent_answer', `Interview ${id} received another answer at the same time; reload the interview and try again`);
  }
}

export class IdempotencyKeyReused extends DomainError {
  constructor() {
    super('interviews.idempotency_key_reused', 'This Idempotency-Key was already used for a different request');
  }
}

export class InterviewNotCompleted extends DomainError {
  /** An abandoned interview never gets a report (see AbandonIdleInterviews): its detail says so rather than "yet". */
  constructor(id: string, status?: string) {
    super('interviews.not_completed', status === 'abandoned'
      ? `Interview ${id} was abandoned before it was completed: it has no results`
      : `Interview ${id} has no results yet: it is not completed`, { interviewId: id, ...(status ? { status } : {}) });
  }
}
