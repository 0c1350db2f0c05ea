import { VersionConflict } from './domain-error.js';

/**
 * Runs a unit of work again when it lost an optimistic race (VersionConflict), on fresh data each
 * time; any other failure, or a conflict on the last attempt, is the caller's.
 */
export async function retryOnConflict<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof VersionConflict) || attempt >= attempts) throw error;
    }
  }
}
