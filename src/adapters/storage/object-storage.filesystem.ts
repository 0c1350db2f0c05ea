import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidStorageKey } from '../../domain/shared/domain-error.js';
import { isValidStorageKey, type ObjectStorage, type StoredObject } from '../../ports/object-storage.js';

/**
 * Objects as files under a root folder. Keys are validated and resolved inside the root, so no key
 * can name a path outside it; writes go to a temporary file renamed into place.
 */
export class FilesystemObjectStorage implements ObjectStorage {
  private readonly root: string;
  /** The root made the owner's alone, once, before the first write (see put). */
  private rootReady?: Promise<void>;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /**
   * Stored files (resumes: personal data) are the app's alone: the root, its folders and files are
   * created for the owner only, and an existing root is made so, whatever the process's umask.
   */
  private ownRoot(): Promise<void> {
    this.rootReady ??= mkdir(this.root, { recursive: true, mode: 0o700 }).then(() => chmod(this.root, 0o700));
    return this.rootReady;
  }

  private pathOf(key: string): string {
    if (!isValidStorageKey(key)) throw new InvalidStorageKey(key);
    const full = path.resolve(this.root, ...key.split('/'));
    if (!full.startsWith(this.root + path.sep)) throw new InvalidStorageKey(key);
    return full;
  }

  async put(key: string, data: Uint8Array, contentType: string): Promise<void> {
    const file = this.pathOf(key);
    await this.ownRoot();
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${randomUUID()}.tmp`;
    await writeFile(tmp, data, { mode: 0o600 });
    await writeFile(`${tmp}.type`, contentType, { mode: 0o600 });
    await rename(`${tmp}.type`, `${file}.type`);
    await rename(tmp, file);
  }

  async get(key: string): Promise<{ data: Uint8Array; contentType: string } | undefined> {
    const file = this.pathOf(key);
    try {
      const [data, contentType] = await Promise.all([readFile(file), readFile(`${file}.type`, 'utf8').catch(() => 'application/octet-stream')]);
      return { data: new Uint8Array(data), contentType };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    await rm(file, { force: true });
    await rm(`${file}.type`, { force: true });
  }

  /** Objects under the prefix; content-type sidecars and unfinished temporary files are not objects. */
  async list(prefix: string): Promise<StoredObject[]> {
    const base = this.pathOf(prefix);
    const found: StoredObject[] = [];
    const walk = async (dir: string, keyPrefix: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return;
        throw error;
      }
      for (const entry of entries) {
        const key = `${keyPrefix}/${entry.name}`;
        if (entry.isDirectory()) await walk(path.join(dir, entry.name), key);
        else if (entry.isFile() && !entry.name.endsWith('.type') && !entry.name.endsWith('.tmp') && isValidStorageKey(key)) {
          found.push({ key, storedAt: (await stat(path.join(dir, entry.name))).mtime });
        }
      }
    };
    const self = await stat(base).catch(() => undefined);
    if (self?.isFile()) found.push({ key: prefix, storedAt: self.mtime });
    else await walk(base, prefix);
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if (error instanceof InvalidStorageKey) throw error;
      return false;
    }
  }
}
