import { token } from './token.js';

/** One-way password hashing (argon2id). verify never throws for a malformed hash: it answers false. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}
export const PasswordHasher = token<PasswordHasher>('PasswordHasher');
