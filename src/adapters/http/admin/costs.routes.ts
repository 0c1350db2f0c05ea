import { z } from 'zod';
import { UnitOfWork } from '../../../ports/unit-of-work.js';
import { ErrorBody, type RouteRegistry } from '../route-registry.js';

const CostsQuery = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  })
  // ISO dates compare as text; an empty range (to exclusive) is a mistake to name, not an empty answer.
  .refine((q) => !q.from || !q.to || q.to > q.from, { message: 'must be after from (to is exclusive)', path: ['to'] });

const CostRow = z.object({
  day: z.string(), provider: z.string(), model: z.string(), calls: z.number(), failures: z.number(),
  input_tokens: z.number(), output_tokens: z.number(), cost_usd: z.number(),
});

export function costRoutes(registry: RouteRegistry): void {
  registry.add({
    method: 'get',
    path: '/api/v1/admin/costs',
    summary: 'AI usage and cost by day, provider and model (from and to are UTC dates; to is exclusive)',
    tags: ['admin'],
    auth: ['admin'],
    query: CostsQuery,
    responses: {
      200: { description: 'Sums', schema: z.object({ rows: z.array(CostRow), total_cost_usd: z.number(), total_tokens: z.number() }) },
      401: { description: 'Not signed in', schema: ErrorBody },
      403: { description: 'Admins only', schema: ErrorBody },
      422: { description: 'A date that is not YYYY-MM-DD, or to not after from', schema: ErrorBody },
    },
    async handler({ query, resolve }) {
      const rows = await resolve(UnitOfWork).repositories.aiUsage.summary({
        ...(query.from ? { from: new Date(`${query.from}T00:00:00Z`) } : {}),
        ...(query.to ? { to: new Date(`${query.to}T00:00:00Z`) } : {}),
      });
      return {
        body: {
          rows: rows.map((r) => ({
            day: r.day, provider: r.provider, model: r.model, calls: r.calls, failures: r.failures,
            input_tokens: r.inputTokens, output_tokens: r.outputTokens, cost_usd: r.costUsd,
          })),
          total_cost_usd: Math.round(rows.reduce((n, r) => n + r.costUsd, 0) * 1e6) / 1e6,
          total_tokens: rows.reduce((n, r) => n + r.inputTokens + r.outputTokens, 0),
        },
      };
    },
  });
}
