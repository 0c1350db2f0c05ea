import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../ports/logger.js';
import type { AppConfig } from './config.js';

/**
 * The configured JWT secret, or (outside production) one generated once and kept in DATA_DIR so
 * tokens survive restarts.
 */
export function resolveJwtSecret(config: AppConfig, logger: Logger): string {
  if (config.auth.jwtSecret) return config.auth.jwtSecret;
  const file = path.resolve(config.dataDir, 'jwt-secret');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    /* not there yet */
  }
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  logger.warn({ file }, 'JWT_SECRET is not set: generated one and stored it in DATA_DIR (set JWT_SECRET in production)');
  return secret;
}
