import path from 'node:path';
import { MemoryObjectStorage } from '../../src/adapters/memory/object-storage.memory.js';
import { FilesystemObjectStorage } from '../../src/adapters/storage/object-storage.filesystem.js';
import { definePlugin } from '../../src/app/plugin-api.js';
import { ObjectStorage } from '../../src/ports/object-storage.js';

/**
 * Where uploaded files live: `filesystem` (default, under DATA_DIR/objects) or `memory` (nothing
 * survives a restart: for tests and demos). Select with STORAGE_PROVIDER.
 */
export default definePlugin({
  name: 'storage',
  apiVersion: 1,
  register(ctx) {
    ctx.provide(ObjectStorage, 'filesystem', () => new FilesystemObjectStorage(path.resolve(ctx.config.dataDir, 'objects')));
    ctx.provide(ObjectStorage, 'memory', () => new MemoryObjectStorage());
  },
});
