import type { Knex } from 'knex';
import type {
  AssessmentResultRepository, IdempotencyStore, StoredAssessment,
} from '../../ports/interview-repository.js';

export class PgAssessmentResultRepository implements AssessmentResultRepository {
  constructor(private readonly db: Knex) {}

  async find(interviewId: string): Promise<StoredAssessment | undefined> {
    const row = await this.db('assessment_results').where({ interview_id: interviewId }).first();
    if (!row) return undefined;
    return {
      interviewId: row.interview_id,
      overallScore: Number(row.overall_score),
      recommendation: row.recommendation,
      report: row.report,
      completion: row.completion,
      generatedAt: new Date(row.generated_at),
    };
  }
}

export class PgIdempotencyStore implements IdempotencyStore {
  constructor(private readonly db: Knex) {}

  async find(accountId: string, scope: string, key: string) {
    const row = await this.db('idempotency_keys').where({ account_id: accountId, scope, key }).first();
    return row ? { requestHash: row.request_hash as string, response: row.response as unknown } : undefined;
  }

  async save(accountId: string, scope: string, key: string, requestHash: string, response: unknown, at: Date): Promise<void> {
    await this.db('idempotency_keys')
      .insert({ account_id: accountId, scope, key, request_hash: requestHash, response: JSON.stringify(response), created_at: at })
      .onConflict(['account_id', 'scope', 'key'])
      .ignore();
  }
}
