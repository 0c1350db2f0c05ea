import { z } from 'zod';
import { DomainError } from '../../../domain/shared/domain-error.js';
import { Clock } from '../../../ports/clock.js';
import { token } from '../../../ports/token.js';
import { UnitOfWork } from '../../../ports/unit-of-work.js';
import type { AiProviderSwitch } from '../../composite/switchable-ai.js';
import { ErrorBody, type RouteRegistry } from '../route-registry.js';

export const AiProviderSwitchToken = token<AiProviderSwitch>('AiProviderSwitch');
/** Provider ids registered for each AI port. */
export const AiProviderCatalog = token<{ interviewer: string[]; grader: string[] }>('AiProviderCatalog');

class InvalidProviderChain extends DomainError {
  constructor(message: string, valid: string[]) {
    super('admin.invalid_provider_chain', message, { valid });
  }
}

export const aiProviderErrorStatuses: Record<string, number> = { 'admin.invalid_provider_chain': 422 };

const ChainBody = z.object({ chain: z.array(z.string().min(1).max(50)).min(1).max(10) });

/** The providers' state as GET and PUT answer it. */
export const AiProvidersResponse = z.object({
  registered: z.object({ interviewer: z.array(z.string()), answer_grader: z.array(z.string()) }),
  active_chain: z.array(z.string()),
  source: z.enum(['admin', 'configuration']),
  health: z.record(z.string(), z.object({
    in_chain: z.boolean(),
    last_outcome: z.enum(['ok', 'error']).nullable(),
    last_call_at: z.string().nullable(),
    last_error: z.string().nullable(),
    calls: z.number().int(),
    failures: z.number().int(),
  })),
  changes: z.array(z.object({ at: z.string(), by: z.string(), from: z.array(z.string()), to: z.array(z.string()) })),
});

export function aiProviderRoutes(registry: RouteRegistry): void {
  const describe = async (resolve: <T>(t: import('../../../ports/token.js').Token<T>) => T): Promise<z.infer<typeof AiProvidersResponse>> => {
    const providers = resolve(AiProviderSwitchToken);
    const catalog = resolve(AiProviderCatalog);
    const repos = resolve(UnitOfWork).repositories;
    const [saved, history] = await Promise.all([repos.aiSettings.load(), repos.aiSettings.history(20)]);
    const ids = [...new Set([...catalog.interviewer, ...catalog.grader])];
    return {
      registered: { interviewer: catalog.interviewer, answer_grader: catalog.grader },
      active_chain: providers.chain,
      // An admin's saved chain that could not be built at start was set aside for AI_PROVIDERS: it is not the source then.
      source: saved && saved.chain.join(',') === providers.chain.join(',') ? 'admin' : 'configuration',
      health: Object.fromEntries(ids.map((id) => {
        const h = providers.healthOf(id);
        return [id, {
          in_chain: providers.chain.includes(id), last_outcome: h.lastOutcome, last_call_at: h.lastCallAt?.toISOString() ?? null,
          last_error: h.lastError, calls: h.calls, failures: h.failures,
        }];
      })),
      changes: history.map((c) => ({ at: c.at.toISOString(), by: c.by, from: c.from, to: c.to })),
    };
  };

  registry.add({
    method: 'get',
    path: '/api/v1/admin/ai-providers',
    summary: 'Registered AI providers per port, the active chain, each provider\'s recent health and the audit trail',
    tags: ['admin'],
    auth: ['admin'],
    responses: { 200: { description: 'Providers', schema: AiProvidersResponse }, 401: { description: 'Not signed in', schema: ErrorBody }, 403: { description: 'Admins only', schema: ErrorBody } },
    async handler({ resolve }) {
      return { body: await describe(resolve) };
    },
  });

  registry.add({
    method: 'put',
    path: '/api/v1/admin/ai-providers',
    summary: 'Switch the AI provider chain at run time (persisted and audited)',
    tags: ['admin'],
    auth: ['admin'],
    body: ChainBody,
    responses: {
      200: { description: 'The new state', schema: AiProvidersResponse },
      422: { description: 'Unknown or duplicated provider ids (the detail lists the valid ones)', schema: ErrorBody },
      403: { description: 'Admins only', schema: ErrorBody },
    },
    async handler({ body, user, resolve }) {
      const catalog = resolve(AiProviderCatalog);
      const valid = catalog.interviewer.filter((id) => catalog.grader.includes(id));
      const unknown = body.chain.filter((id) => !valid.includes(id));
      if (unknown.length > 0) throw new InvalidProviderChain(`Unknown AI provider(s): ${unknown.join(', ')}. Valid: ${valid.join(', ')}`, valid);
      if (new Set(body.chain).size !== body.chain.length) throw new InvalidProviderChain('A provider appears twice in the chain', valid);
      const providers = resolve(AiProviderSwitchToken);
      const from = providers.chain;
      try {
        providers.switchTo(body.chain);
      } catch (error) {
        throw new InvalidProviderChain(`The chain cannot be built: ${(error as Error).message}`, valid);
      }
      try {
        await resolve(UnitOfWork).repositories.aiSettings.save({ at: resolve(Clock).now(), by: user.email, from, to: body.chain });
      } catch (error) {
        providers.switchTo(from);
        throw error;
      }
      return { body: await describe(resolve) };
    },
  });
}
