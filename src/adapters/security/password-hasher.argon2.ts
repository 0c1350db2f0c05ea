import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../../ports/password-hasher.js';

/** argon2id with OWASP's recommended minimum cost (19 MiB, 2 passes). */
const ARGON2ID = 2;

export class Argon2PasswordHasher implements PasswordHasher {
  constructor(private readonly cost: { memoryCost: number; timeCost: number } = { memoryCost: 19_456, timeCost: 2 }) {}

  hash(password: string): Promise<string> {
    return hash(password, { algorithm: ARGON2ID, ...this.cost, parallelism: 1 });
  }

  async verify(hashed: string, password: string): Promise<boolean> {
    try {
      return await verify(hashed, password);
    } catch {
      return false;
    }
  }
}
