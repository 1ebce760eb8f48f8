/**
 * The service's HTTP port (fastify): /health (Postgres and Redis reachable), /metrics
 * (Prometheus) and the staff queue (GET /, GET /api/tasks, POST /api/tasks/:id/done) behind
 * STAFF_TOKEN (Bearer, or Basic with the token as password).
 */
import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { Db } from '../db/db-pool';
import { TaskNotOpenError, type StaffTaskView } from '../../use-cases/staff-tasks';
import { renderStaffPage } from './staff-page';

export interface HttpServerDeps {
  db: Db;
  redis: Redis;
  registry: Registry;
  listOpenTasks: (opts?: { limit?: number }) => Promise<StaffTaskView[]>;
  completeTask: (input: { taskId: string; by: string }) => Promise<StaffTaskView>;
  /** Unset (development only) leaves the staff pages open. */
  staffToken: string | undefined;
}

function tokenFrom(request: FastifyRequest): { token: string; user: string } | null {
  const header = request.headers.authorization ?? '';
  const bearer = /^Bearer\s+(.+)$/i.exec(header);
  if (bearer) return { token: bearer[1]!.trim(), user: 'staff' };
  const basic = /^Basic\s+(.+)$/i.exec(header);
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0) return { token: decoded.slice(colon + 1), user: decoded.slice(0, colon).slice(0, 64) || 'staff' };
  }
  return null;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function buildHttpServer(deps: HttpServerDeps): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });

  const staffOnly = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (deps.staffToken === undefined) return;
    const given = tokenFrom(request);
    if (!given || !sameToken(given.token, deps.staffToken)) {
      await reply.code(401).header('WWW-Authenticate', 'Basic realm="vob staff"').send({ error: 'unauthorized' });
    }
  };
  const staffName = (request: FastifyRequest) => `staff:${(tokenFrom(request)?.user ?? 'staff').replace(/[^\w.@-]/g, '')}`;

  app.get('/health', async (_request, reply) => {
    const check = async (fn: () => Promise<unknown>) => {
      try {
        await Promise.race([fn(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref())]);
        return 'ok';
      } catch {
        return 'down';
      }
    };
    const [postgres, redis] = await Promise.all([check(() => deps.db.query('SELECT 1')), check(() => deps.redis.ping())]);
    const ok = postgres === 'ok' && redis === 'ok';
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', postgres, redis });
  });

  app.get('/metrics', async (_request, reply) => {
    const body = await deps.registry.metrics();
    return reply.header('Content-Type', deps.registry.contentType).send(body);
  });

  app.get('/', { preHandler: staffOnly }, async (_request, reply) =>
    reply.header('Content-Type', 'text/html; charset=utf-8').send(renderStaffPage(await deps.listOpenTasks(), new Date())),
  );

  app.get('/api/tasks', { preHandler: staffOnly }, async () => ({ tasks: await deps.listOpenTasks() }));

  const done = async (request: FastifyRequest<{ Params: { id: string } }>) =>
    deps.completeTask({ taskId: request.params.id, by: staffName(request) });

  app.post<{ Params: { id: string } }>('/api/tasks/:id/done', { preHandler: staffOnly }, async (request, reply) => {
    try {
      return { task: await done(request) };
    } catch (err) {
      if (err instanceof TaskNotOpenError) return reply.code(404).send({ error: err.code });
      throw err;
    }
  });

  // The HTML page's "Done" button (a plain form post), then back to the queue.
  app.post<{ Params: { id: string } }>('/tasks/:id/done', { preHandler: staffOnly }, async (request, reply) => {
    try {
      await done(request);
    } catch (err) {
      if (!(err instanceof TaskNotOpenError)) throw err;
    }
    return reply.redirect('/', 303);
  });

  return app;
}
