// Liveness and readiness for load balancers and orchestrators.
import { Type } from '@sinclair/typebox';
import type { Database } from '../db/client.ts';
import { ping } from '../db/client.ts';
import { migrationsCurrent } from '../db/migrate.ts';
import type { App } from './types.ts';

const Health = Type.Object({
  status: Type.String(),
  checks: Type.Optional(Type.Record(Type.String(), Type.String())),
});

export function healthRoutes(database: Database) {
  return async (app: App) => {
    app.get(
      '/healthz',
      {
        schema: {
          tags: ['health'],
          operationId: 'checkLiveness',
          security: [],
          summary: 'The process is up',
          response: { 200: Health },
        },
      },
      async () => ({ status: 'ok' }),
    );
    app.get(
      '/readyz',
      {
        schema: {
          tags: ['health'],
          operationId: 'checkReadiness',
          security: [],
          summary: 'The database answers and its migrations are current',
          response: { 200: Health, 503: Health },
        },
      },
      async (_req, reply) => {
        const reachable = await ping(database.db);
        const current = reachable && (await migrationsCurrent(database).catch(() => false));
        const checks = { database: reachable ? 'ok' : 'unreachable', migrations: current ? 'ok' : 'pending' };
        return reply
          .status(reachable && current ? 200 : 503)
          .send({ status: reachable && current ? 'ok' : 'unavailable', checks });
      },
    );
  };
}
