import type { Context, Next } from 'koa';

const HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

/**
 * Conservative headers for a JSON API, set before the request is handled so that every answer carries
 * them, error answers included (the error middleware answers outside this one); a route that needs
 * another content policy (the docs page) sets its own over the default.
 */
export function securityHeaders() {
  return (ctx: Context, next: Next) => {
    ctx.set(HEADERS);
    return next();
  };
}
