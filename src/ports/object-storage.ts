import { token } from './token.js';

/**
 * Binary objects (resumes, recordings) under keys the application builds itself.
 * Contract: a key is `segment(/segment)*` of [A-Za-z0-9._-] with no `.`/`..` segments, anything
 * else rejects with InvalidStorageKey; get of a missing key resolves undefined; put replaces;
 * delete of a missing key is not an error; put is atomic (a reader never sees half an object);
 * list(prefix) gives every stored key under the prefix (a key equal to it or starting with
 * `prefix/`) with when it was stored, in key order — never a half-written object.
 */
export interface ObjectStorage {
  put(key: string, data: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<{ data: Uint8Array; contentType: string } | undefined>;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  list(prefix: string): Promise<StoredObject[]>;
}

export interface StoredObject {
  key: string;
  storedAt: Date;
}
export const ObjectStorage = token<ObjectStorage>('ObjectStorage');

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export function isValidStorageKey(key: string): boolean {
  return key.length > 0 && key.length <= 512 && key.split('/').every((s) => SEGMENT.test(s) && s !== '.' && s !== '..');
}
