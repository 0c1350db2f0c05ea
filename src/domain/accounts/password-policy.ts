import { WeakPassword } from './errors.js';

export const PASSWORD_MIN_LENGTH = 8;
/** Long enough for passphrases, short enough that hashing cannot be used to burn CPU. */
export const PASSWORD_MAX_LENGTH = 128;

export function checkPasswordPolicy(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new WeakPassword(`Password must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new WeakPassword(`Password must be at most ${PASSWORD_MAX_LENGTH} characters`);
  }
  if (password.trim() === '') throw new WeakPassword('Password must not be only spaces');
}
