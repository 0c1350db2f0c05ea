import { InvalidStorageKey } from '../../domain/shared/domain-error.js';
import { isValidStorageKey, type ObjectStorage, type StoredObject } from '../../ports/object-storage.js';

export class MemoryObjectStorage implements ObjectStorage {
  private readonly objects = new Map<string, { data: Uint8Array; contentType: string; storedAt: Date }>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  private check(key: string): string {
    if (!isValidStorageKey(key)) throw new InvalidStorageKey(key);
    return key;
  }
  async put(key: string, data: Uint8Array, contentType: string) {
    this.objects.set(this.check(key), { data: new Uint8Array(data), contentType, storedAt: this.now() });
  }
  async get(key: string) {
    const o = this.objects.get(this.check(key));
    return o && { data: new Uint8Array(o.data), contentType: o.contentType };
  }
  async delete(key: string) {
    this.objects.delete(this.check(key));
  }
  async exists(key: string) {
    return this.objects.has(this.check(key));
  }
  async list(prefix: string): Promise<StoredObject[]> {
    this.check(prefix);
    return [...this.objects]
      .filter(([key]) => key === prefix || key.startsWith(`${prefix}/`))
      .map(([key, o]) => ({ key, storedAt: new Date(o.storedAt.getTime()) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}
