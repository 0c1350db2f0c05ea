import type { Knex } from 'knex';
import type { LoginThrottle, LoginThrottleState } from '../../ports/login-throttle.js';

interface Row {
  key: string;
  failures: number;
  locked_until: Date | null;
}

const toState = (row: Row | undefined): LoginThrottleState =>
  row ? { failures: row.failures, ...(row.locked_until ? { lockedUntil: new Date(row.locked_until) } : {}) } : { failures: 0 };

export class PgLoginThrottle implements LoginThrottle {
  constructor(private readonly db: Knex) {}

  async get(key: string): Promise<LoginThrottleState> {
    return toState(await this.db<Row>('login_throttle').where({ key }).first());
  }

  async recordFailure(
    key: string,
    update: (current: LoginThrottleState) => LoginThrottleState,
  ): Promise<LoginThrottleState> {
    // Row lock: concurrent failures for one email are counted one after another, none lost.
    return this.db.transaction(async (trx) => {
      await trx('login_throttle').insert({ key, failures: 0 }).onConflict('key').ignore();
      const current = toState(await trx<Row>('login_throttle').where({ key }).forUpdate().first());
      const next = update(current);
      await trx('login_throttle').where({ key }).update({ failures: next.failures, locked_until: next.lockedUntil ?? null });
      return next;
    });
  }

  async reset(key: string): Promise<void> {
    await this.db('login_throttle').where({ key }).delete();
  }
}
