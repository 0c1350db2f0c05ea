import type Router from '@koa/router';
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { Context } from 'koa';
import { z, type ZodType } from 'zod';
import type { Account, Role } from '../../domain/accounts/account.js';
import type { Resolvable } from '../../ports/token.js';
import { RequestValidationFailed, type ValidationIssue } from './http-errors.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RequestContext<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  /** The signed-in account; present on every route that declares `auth`. */
  user: Account;
  koa: Context;
  requestId: string;
  resolve<T>(token: Resolvable<T>): T;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteSpec<B = unknown, Q = unknown, P = unknown> {
  method: HttpMethod;
  /** Koa path syntax: `/api/v1/interviews/:id`. */
  path: string;
  summary: string;
  tags: string[];
  /** Omit for public routes; 'any' admits every signed-in role. */
  auth?: 'any' | readonly Role[];
  body?: ZodType<B>;
  query?: ZodType<Q>;
  params?: ZodType<P>;
  /** Documented responses: status → description and optional schema. */
  responses: Record<number, { description: string; schema?: ZodType; contentType?: string }>;
  /** Set false for routes that read the raw body themselves (multipart uploads). */
  parseJson?: boolean;
  /** Documents a multipart/form-data body (the handler reads it itself). */
  form?: ZodType;
  handler(request: RequestContext<B, Q, P>): Promise<RouteResult | void>;
}

export type RouteMount = (registry: RouteRegistry) => void;

export interface RouteHooks {
  authenticate(ctx: Context): Promise<Account>;
  authorise(account: Account, roles: readonly Role[]): void;
  resolve<T>(ctx: Context, token: Resolvable<T>): T;
}

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');

function issuesOf(error: z.ZodError, where: string): ValidationIssue[] {
  return error.issues.map((issue) => ({
    loc: [where, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    msg: issue.message,
    type: issue.code,
  }));
}

function parsePart<T>(schema: ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return value as T;
  const result = schema.safeParse(value);
  if (!result.success) throw new RequestValidationFailed(issuesOf(result.error, where));
  return result.data;
}

/**
 * A route with a body schema needs a body: none, or JSON `null`, is a 422 naming the body, as the
 * replaced system's did, rather than read as `{}` (which would let a bodiless PUT reset whatever it
 * replaces to its defaults).
 */
function requiredBody(raw: unknown): unknown {
  if (raw === undefined || raw === null) {
    throw new RequestValidationFailed([{ loc: ['body'], msg: 'A JSON object body is required', type: 'missing' }]);
  }
  return raw;
}

/**
 * A query as its schema reads it: a parameter left empty (`?limit=`) is not given, so its default
 * applies; one given twice (`?limit=5&limit=6`) is refused by name rather than read as NaN.
 */
function singleValues(query: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  const repeated: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (Array.isArray(value)) repeated.push(name);
    else if (value !== undefined && value !== '') out[name] = value;
  }
  if (repeated.length > 0) {
    throw new RequestValidationFailed(repeated.map((name) => ({ loc: ['query', name], msg: 'must be given once', type: 'repeated' })));
  }
  return out;
}

/**
 * A route's documented responses with those its declaration implies, when it does not document them
 * itself: 401 for a route for signed-in users, 403 for one for some roles only, 422 for one whose
 * path, query or body is validated. The mount answers them whatever the handler does.
 */
function withImpliedResponses(spec: RouteSpec<any, any, any>): RouteSpec['responses'] {
  const implied: RouteSpec['responses'] = {};
  if (spec.auth) implied[401] = { description: 'Not signed in, or the token is invalid or expired', schema: ErrorBody };
  if (spec.auth && spec.auth !== 'any') implied[403] = { description: `Signed in with a role this route is not for (it is for: ${spec.auth.join(', ')})`, schema: ErrorBody };
  if (spec.params || spec.query || spec.body) implied[422] = { description: 'The request does not validate: detail lists each field', schema: ErrorBody };
  return { ...implied, ...spec.responses };
}

/** Collects route specs once; mounts them on a Koa router and documents them in OpenAPI 3.1. */
export class RouteRegistry {
  private readonly specs: RouteSpec<any, any, any>[] = [];

  add<B, Q, P>(spec: RouteSpec<B, Q, P>): this {
    this.specs.push(spec as RouteSpec<any, any, any>);
    return this;
  }

  get routes(): ReadonlyArray<RouteSpec<any, any, any>> {
    return this.specs;
  }

  mount(router: Router, hooks: RouteHooks): void {
    for (const spec of this.specs) {
      router[spec.method](spec.path, async (ctx: Context) => {
        // Who may ask is settled before what was asked is read: a stranger learns nothing of a route's rules from its 422s.
        let user: Account | undefined;
        if (spec.auth) {
          user = await hooks.authenticate(ctx);
          if (spec.auth !== 'any') hooks.authorise(user, spec.auth);
        }
        const params = parsePart(spec.params, ctx.params, 'path');
        const query = parsePart(spec.query, spec.query ? singleValues(ctx.query) : ctx.query, 'query');
        const rawBody = (ctx.request as { body?: unknown }).body;
        const body = spec.body ? parsePart(spec.body, requiredBody(rawBody), 'body') : rawBody;
        const result = await spec.handler({
          body, query, params, user: user as Account, koa: ctx,
          requestId: String(ctx.state.requestId ?? ''),
          resolve: (token) => hooks.resolve(ctx, token),
        });
        if (result) {
          if (result.headers) ctx.set(result.headers);
          ctx.status = result.status ?? 200;
          if (result.body !== undefined) ctx.body = result.body;
          else if (ctx.status !== 204) ctx.body = null;
        }
      });
    }
  }

  openApiDocument(info: { title: string; version: string; description?: string }): object {
    const registry = new OpenAPIRegistry();
    const bearer = registry.registerComponent('securitySchemes', 'bearerAuth', {
      type: 'http', scheme: 'bearer', bearerFormat: 'JWT',
    });
    for (const spec of this.specs) {
      registry.registerPath({
        method: spec.method,
        path: toOpenApiPath(spec.path),
        summary: spec.summary,
        tags: spec.tags,
        ...(spec.auth ? { security: [{ [bearer.name]: [] }] } : {}),
        request: {
          ...(spec.params ? { params: spec.params as any } : {}),
          ...(spec.query ? { query: spec.query as any } : {}),
          ...(spec.body ? { body: { content: { 'application/json': { schema: spec.body } } } } : {}),
          ...(spec.form ? { body: { content: { 'multipart/form-data': { schema: spec.form } } } } : {}),
        },
        responses: Object.fromEntries(
          Object.entries(withImpliedResponses(spec)).map(([status, r]) => [
            status,
            {
              description: r.description,
              ...(r.schema ? { content: { [r.contentType ?? 'application/json']: { schema: r.schema } } } : {}),
            },
          ]),
        ),
      });
    }
    return new OpenApiGeneratorV31(registry.definitions).generateDocument({
      openapi: '3.1.0',
      info,
      servers: [{ url: '/' }],
    });
  }
}

/** The error body every failing route answers with. */
export const ErrorBody = z.object({ detail: z.union([z.string(), z.array(z.any())]), code: z.string().optional(), error: z.string().optional() });
