import type { Role } from '../domain/accounts/account.js';
import { token } from './token.js';

export interface AccessClaims {
  accountId: string;
  role: Role;
  tokenId: string;
  issuedAt: Date;
  expiresAt: Date;
}

/**
 * Issues and verifies signed bearer tokens.
 * verify resolves undefined for a malformed, tampered, expired or wrongly signed token.
 */
export interface AccessTokens {
  issue(subject: { accountId: string; role: Role }): Promise<{ token: string; claims: AccessClaims }>;
  verify(token: string): Promise<AccessClaims | undefined>;
}
export const AccessTokens = token<AccessTokens>('AccessTokens');
