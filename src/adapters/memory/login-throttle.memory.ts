import type { LoginThrottle, LoginThrottleState } from '../../ports/login-throttle.js';
import type { MemoryStore } from './memory-store.js';

export class MemoryLoginThrottle implements LoginThrottle {
  constructor(private readonly store: MemoryStore) {}

  private get rows() {
    return this.store.table<LoginThrottleState>('login_throttle');
  }

  async get(key: string): Promise<LoginThrottleState> {
    return structuredClone(this.rows.get(key) ?? { failures: 0 });
  }

  async recordFailure(
    key: string,
    update: (current: LoginThrottleState) => LoginThrottleState,
  ): Promise<LoginThrottleState> {
    // No await between read and write: concurrent failures are applied one after another.
    const next = update(structuredClone(this.rows.get(key) ?? { failures: 0 }));
    this.rows.set(key, structuredClone(next));
    return next;
  }

  async reset(key: string): Promise<void> {
    this.rows.delete(key);
  }
}
