import type { Context, Next } from 'koa';

/** Conservative headers for a JSON API; the docs page relaxes the content policy for itself. */
export function securityHeaders() {
  return async (ctx: Context, next: Next) => {
    await next();
    ctx.set({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
    if (!ctx.response.get('Content-Security-Policy')) {
      ctx.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    }
    ctx.remove('X-Powered-By');
  };
}
