import { token } from './token.js';

/**
 * Tamper-proof, expiring references to a resource the app serves itself (download links).
 * Contract: verify(sign(r, t)) is r until t, then undefined; a token changed in any character,
 * or signed with another secret, verifies to undefined; tokens are URL-safe.
 */
export interface SignedLinks {
  sign(resource: string, expiresAt: Date): string;
  verify(tokenText: string, now: Date): string | undefined;
}
export const SignedLinks = token<SignedLinks>('SignedLinks');
