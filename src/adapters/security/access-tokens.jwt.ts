import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { ROLES, type Role } from '../../domain/accounts/account.js';
import type { AccessClaims, AccessTokens } from '../../ports/access-tokens.js';
import type { Clock } from '../../ports/clock.js';

/** HS256 JWTs carrying sub, role, iat, exp and jti. */
export class JwtAccessTokens implements AccessTokens {
  private readonly key: Uint8Array;
  /** Tokens whose signature was already checked (a client sends the same one on every request). */
  private readonly verified = new Map<string, AccessClaims>();
  private static readonly MAX_VERIFIED = 10_000;

  constructor(secret: string, private readonly expiryHours: number, private readonly clock: Clock) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(subject: { accountId: string; role: Role }): Promise<{ token: string; claims: AccessClaims }> {
    const issuedAtSec = Math.floor(this.clock.now().getTime() / 1000);
    const expSec = issuedAtSec + Math.round(this.expiryHours * 3600);
    const tokenId = randomUUID();
    const token = await new SignJWT({ role: subject.role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(subject.accountId)
      .setIssuedAt(issuedAtSec)
      .setExpirationTime(expSec)
      .setJti(tokenId)
      .sign(this.key);
    return {
      token,
      claims: {
        accountId: subject.accountId, role: subject.role, tokenId,
        issuedAt: new Date(issuedAtSec * 1000), expiresAt: new Date(expSec * 1000),
      },
    };
  }

  async verify(token: string): Promise<AccessClaims | undefined> {
    const known = this.verified.get(token);
    if (known) {
      // Expiry is checked on every use, exactly as jose checks it (expired once now >= exp).
      if (this.clock.now().getTime() < known.expiresAt.getTime()) return { ...known };
      this.verified.delete(token);
      return undefined;
    }
    const claims = await this.verifySignature(token);
    if (claims) {
      if (this.verified.size >= JwtAccessTokens.MAX_VERIFIED) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, claims);
    }
    return claims && { ...claims };
  }

  private async verifySignature(token: string): Promise<AccessClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        currentDate: this.clock.now(),
        requiredClaims: ['sub', 'exp', 'iat', 'jti'],
      });
      const role = payload.role;
      if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) return undefined;
      return {
        accountId: payload.sub!, role: role as Role, tokenId: payload.jti!,
        issuedAt: new Date(payload.iat! * 1000), expiresAt: new Date(payload.exp! * 1000),
      };
    } catch {
      return undefined;
    }
  }
}
