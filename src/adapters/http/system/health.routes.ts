import { z } from 'zod';
import { DatabaseHealth } from '../../../ports/database-health.js';
import { Clock } from '../../../ports/clock.js';
import type { RouteRegistry } from '../route-registry.js';

const HealthResponse = z.object({
  status: z.enum(['healthy', 'degraded']),
  version: z.string(),
  timestamp: z.string(),
  database: z.object({ status: z.enum(['connected', 'disconnected']), driver: z.string() }),
});

const PING_TIMEOUT_MS = 2_000;

export function healthRoutes(version: string) {
  return (registry: RouteRegistry): void => {
    registry.add({
      method: 'get',
      path: '/health',
      summary: 'Liveness and database reachability',
      tags: ['system'],
      responses: {
        200: { description: 'Healthy', schema: HealthResponse },
        503: { description: 'Degraded: the database is unreachable', schema: HealthResponse },
      },
      async handler({ resolve }) {
        const db = resolve(DatabaseHealth);
        let connected = true;
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            db.ping(),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error('ping timed out')), PING_TIMEOUT_MS);
            }),
          ]);
        } catch {
          connected = false;
        } finally {
          clearTimeout(timer);
        }
        return {
          status: connected ? 200 : 503,
          body: {
            status: connected ? 'healthy' : 'degraded',
            version,
            timestamp: resolve(Clock).now().toISOString(),
            database: { status: connected ? 'connected' : 'disconnected', driver: db.driver },
          },
        };
      },
    });
  };
}
