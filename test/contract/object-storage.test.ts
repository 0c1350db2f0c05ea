import { expect } from 'chai';
import { chmodSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryObjectStorage } from '../../src/adapters/memory/object-storage.memory.js';
import { FilesystemObjectStorage } from '../../src/adapters/storage/object-storage.filesystem.js';
import { objectStorageContract } from './suites/object-storage.contract.js';

objectStorageContract('memory', async () => new MemoryObjectStorage());
objectStorageContract('filesystem', async () => new FilesystemObjectStorage(mkdtempSync(path.join(os.tmpdir(), 'storage-'))));

describe('filesystem object storage: files are the owner\'s alone', () => {
  it('keeps its root, folders and files unreadable to other users, an existing root included', async () => {
    const root = path.join(mkdtempSync(path.join(os.tmpdir(), 'storage-')), 'objects');
    mkdirSync(root, { mode: 0o755 });
    chmodSync(root, 0o755);
    const storage = new FilesystemObjectStorage(root);
    await storage.put('resumes/cand-1/res-1.pdf', new Uint8Array([37, 80, 68, 70]), 'application/pdf');
    const mode = (p: string) => statSync(p).mode & 0o777;
    expect(mode(root)).to.equal(0o700);
    expect(mode(path.join(root, 'resumes'))).to.equal(0o700);
    expect(mode(path.join(root, 'resumes', 'cand-1', 'res-1.pdf'))).to.equal(0o600);
    expect(mode(path.join(root, 'resumes', 'cand-1', 'res-1.pdf.type'))).to.equal(0o600);
  });
});
