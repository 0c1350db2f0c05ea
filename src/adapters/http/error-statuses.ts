/** Maps DomainError codes to HTTP statuses; each module registers its own table. */
export class ErrorStatusTable {
  private readonly statuses = new Map<string, { status: number; source: string }>();

  add(table: Record<string, number>, source: string): this {
    for (const [code, status] of Object.entries(table)) {
      const existing = this.statuses.get(code);
      if (existing) {
        throw new Error(`Error code "${code}" from ${source} is already mapped by ${existing.source}`);
      }
      if (!Number.isInteger(status) || status < 400 || status > 599) {
        throw new Error(`Error code "${code}" from ${source}: ${status} is not an HTTP error status`);
      }
      this.statuses.set(code, { status, source });
    }
    return this;
  }

  statusOf(code: string): number | undefined {
    return this.statuses.get(code)?.status;
  }
}

/** Codes shared by every module (persistence, AI providers, auth). */
export const coreErrorStatuses: Record<string, number> = {
  'persistence.version_conflict': 409,
  'ai.provider_unavailable': 503,
  'ai.rate_limited': 429,
  'ai.bad_response': 502,
  'auth.invalid_credentials': 401,
  'auth.not_authenticated': 401,
  'auth.forbidden': 403,
  'auth.locked': 429,
  'accounts.email_taken': 400,
  'accounts.weak_password': 422,
  'accounts.blank_name': 422,
  'accounts.not_found': 404,
};
