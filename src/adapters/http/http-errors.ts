/** A failure decided by the HTTP layer itself (malformed JSON, size limits, unknown route). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly code?: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface ValidationIssue {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/** Request data that failed its schema: answered 422 with the issues as `detail`. */
export class RequestValidationFailed extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super('Request validation failed');
    this.name = 'RequestValidationFailed';
  }
}
