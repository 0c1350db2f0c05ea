import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SignedLinks } from '../../ports/signed-links.js';

/**
 * `base64url(resource).expirySeconds.base64url(HMAC-SHA256)` under a key derived from the app
 * secret with its own label, so a link signature is never a valid token signature or vice versa.
 */
export class HmacSignedLinks implements SignedLinks {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('candidates-portal/signed-links/v1').digest();
  }

  sign(resource: string, expiresAt: Date): string {
    const body = `${Buffer.from(resource, 'utf8').toString('base64url')}.${Math.floor(expiresAt.getTime() / 1000)}`;
    return `${body}.${this.mac(body)}`;
  }

  verify(tokenText: string, now: Date): string | undefined {
    const parts = tokenText.split('.');
    if (parts.length !== 3) return undefined;
    const [resource, expiry, mac] = parts as [string, string, string];
    if (!/^\d{1,12}$/.test(expiry)) return undefined;
    const expected = Buffer.from(this.mac(`${resource}.${expiry}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    if (Number(expiry) * 1000 <= now.getTime()) return undefined;
    return Buffer.from(resource, 'base64url').toString('utf8');
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
