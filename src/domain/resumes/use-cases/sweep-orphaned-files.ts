import type { Clock } from '../../../ports/clock.js';
import type { ObjectStorage } from '../../../ports/object-storage.js';
import type { UnitOfWork } from '../../../ports/unit-of-work.js';
import { RESUME_STORAGE_PREFIX } from '../resume.js';

/** An upload stores its file a moment before its row commits: younger files are left alone. */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;

/**
 * Removes stored resume files no resume row points at: what a crash between storing an upload and
 * committing its row, or a failed removal after a delete, leaves behind. Files younger than the
 * grace period are kept, so an upload in flight is never touched.
 */
export class SweepOrphanedFiles {
  constructor(private readonly deps: { uow: UnitOfWork; storage: ObjectStorage; clock: Clock }) {}

  async execute(graceMs = ORPHAN_GRACE_MS): Promise<{ checked: number; removed: string[] }> {
    const { uow, storage, clock } = this.deps;
    const cutoff = clock.now().getTime() - graceMs;
    const objects = await storage.list(RESUME_STORAGE_PREFIX);
    const old = objects.filter((o) => o.storedAt.getTime() < cutoff).map((o) => o.key);
    const known = await uow.repositories.resumes.knownStorageKeys(old);
    const removed = old.filter((key) => !known.has(key));
    for (const key of removed) await storage.delete(key);
    return { checked: objects.length, removed };
  }
}
