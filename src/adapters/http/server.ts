import Router from '@koa/router';
import cors from '@koa/cors';
import Koa, { type Context } from 'koa';
import type { DependencyContainer } from 'tsyringe';
import type { Account, Role } from '../../domain/accounts/account.js';
import type { Logger } from '../../ports/logger.js';
import { resolveFrom } from '../di.js';
import { jsonBody } from './body-parser.js';
import { DOCS_HTML, DOCS_JS } from './docs-page.js';
import { errorMiddleware } from './error-middleware.js';
import type { ErrorStatusTable } from './error-statuses.js';
import { HttpError } from './http-errors.js';
import { requestScope } from './request-scope.js';
import type { RouteRegistry } from './route-registry.js';
import { securityHeaders } from './security-headers.js';

export interface HttpAppOptions {
  registry: RouteRegistry;
  errorStatuses: ErrorStatusTable;
  logger: Logger;
  container: DependencyContainer;
  allowedOrigins: readonly string[];
  bodyLimitBytes: number;
  version: string;
  /** Bearer token (or undefined) → the signed-in account; rejects when not authenticated. */
  authenticate(bearer: string | undefined, scope: DependencyContainer): Promise<Account>;
  authorise(account: Account, roles: readonly Role[]): void;
  /**
   * How many reverse proxies in front of the server append to X-Forwarded-For: the client address
   * (ctx.ip, which the interview-start limit counts by) is the entry the outermost of them added.
   * 0 (the default) ignores the header, which any client can send.
   */
  trustedProxies?: number;
}

const bearerOf = (ctx: Context): string | undefined => {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(ctx.get('Authorization'));
  return match?.[1];
};

/** Builds the Koa application; the caller decides whether and where to listen. */
export function createHttpApp(options: HttpAppOptions): Koa {
  const hops = options.trustedProxies ?? 0;
  const app = new Koa(hops > 0 ? { proxy: true, maxIpsCount: hops } : { proxy: false });
  app.silent = true;
  const origins = new Set(options.allowedOrigins);
  const uploadPaths = options.registry.routes.filter((r) => r.parseJson === false).map((r) => templatePattern(r.path));

  app.use(requestScope(options.container, options.logger));
  app.use(errorMiddleware(options.errorStatuses, options.logger));
  app.use(securityHeaders());
  app.use(
    cors({
      origin: (ctx) => (origins.has(ctx.get('Origin')) ? ctx.get('Origin') : ''),
      credentials: true,
      allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      // What a browser script may read of a response: Idempotent-Replayed tells a retried turn's replay from a new one.
      exposeHeaders: ['X-Request-Id', 'Retry-After', 'Content-Disposition', 'Idempotent-Replayed'],
      maxAge: 600,
    }),
  );
  // Trailing slash tolerated everywhere: /api/v1/profile/ is /api/v1/profile.
  app.use((ctx, next) => {
    if (ctx.path.length > 1 && ctx.path.endsWith('/')) ctx.path = ctx.path.replace(/\/+$/, '') || '/';
    return next();
  });
  app.use(jsonBody(options.bodyLimitBytes, (ctx) => matchesAny(uploadPaths, ctx.path)));

  const router = new Router();
  options.registry.mount(router, {
    authenticate: (ctx) => options.authenticate(bearerOf(ctx), ctx.state.scope as DependencyContainer),
    authorise: options.authorise,
    resolve: (ctx, token) => resolveFrom(ctx.state.scope as DependencyContainer, token),
  });
  const openApi = options.registry.openApiDocument({
    title: 'Candidates Portal API',
    version: options.version,
    description: 'AI-run technical interviews: accounts, profiles, resumes, interviews and reports.',
  });
  router.get('/openapi.json', (ctx) => {
    ctx.body = openApi;
  });
  router.get('/docs', (ctx) => {
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'");
    ctx.body = DOCS_HTML;
  });
  router.get('/docs/app.js', (ctx) => {
    ctx.type = 'application/javascript';
    ctx.body = DOCS_JS;
  });
  // What the router could not answer, as JSON errors. The router's allowed-methods check runs first: a
  // known path asked with another method is 405 with the path's methods in Allow (OPTIONS answers
  // them), a method no route has is 501, and a path no route has is 404.
  app.use((ctx, next) => next().then(() => {
    if (ctx.body != null) return;
    const allow = { Allow: ctx.response.get('Allow') };
    if (ctx.status === 405) throw new HttpError(405, 'Method not allowed', allow);
    if (ctx.status === 501) throw new HttpError(501, `Not implemented: ${ctx.method}`, allow);
    if (ctx.status === 404) throw new HttpError(404, `Not Found: ${ctx.method} ${ctx.path}`);
  }));
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}

/** Upload routes read their own bodies; their templates (`:param` segments) compiled once. */
const templatePattern = (template: string) => new RegExp(`^${template.replace(/:[A-Za-z_][A-Za-z0-9_]*/g, '[^/]+')}$`);

function matchesAny(patterns: readonly RegExp[], path: string): boolean {
  return patterns.some((pattern) => pattern.test(path));
}
