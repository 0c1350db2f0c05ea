import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryObjectStorage } from '../../src/adapters/memory/object-storage.memory.js';
import { FilesystemObjectStorage } from '../../src/adapters/storage/object-storage.filesystem.js';
import { objectStorageContract } from './suites/object-storage.contract.js';

objectStorageContract('memory', async () => new MemoryObjectStorage());
objectStorageContract('filesystem', async () => new FilesystemObjectStorage(mkdtempSync(path.join(os.tmpdir(), 'storage-'))));
