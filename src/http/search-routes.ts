/**
 * GET /search?q= (the results page) and GET /api/search?q= (JSON) for staff. The query is PHI:
 * it is not logged and the audit row says only that a search happened and how many requests it
 * found; written before the results are sent.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PhiCipher } from '../adapters/crypto/phi-cipher';
import type { Db } from '../adapters/db/db-pool';
import { MAX_QUERY_LENGTH } from '../domain/request-search';
import { searchRequests } from '../use-cases/search-requests';
import { renderSearchPage } from './search-page';
import type { StaffAuth } from './staff-auth';

export interface SearchRouteDeps {
  db: Db;
  cipher: PhiCipher;
  auth: StaffAuth;
  record: (request: FastifyRequest, action: string, subject: string) => Promise<unknown>;
  sendHtml: (reply: FastifyReply, body: string, status?: number) => FastifyReply;
}

type ByQuery = { Querystring: { q?: unknown } };

export function registerSearchRoutes(app: FastifyInstance, deps: SearchRouteDeps): void {
  const search = searchRequests({ db: deps.db, cipher: deps.cipher });
  const queryOf = (request: FastifyRequest<ByQuery>): string => (typeof request.query.q === 'string' ? request.query.q.slice(0, MAX_QUERY_LENGTH) : '');
  const run = async (request: FastifyRequest<ByQuery>) => {
    const result = await search(queryOf(request));
    if (result.searched) await deps.record(request, 'search-requests', `results:${result.hits.length}`);
    return result;
  };

  app.get<ByQuery>('/search', { preHandler: deps.auth.anyStaff }, async (request, reply) =>
    deps.sendHtml(reply, renderSearchPage(queryOf(request), await run(request), deps.auth.viewer(request))),
  );

  app.get<ByQuery>('/api/search', { preHandler: deps.auth.anyStaff }, async (request) => {
    const { hits, truncated } = await run(request);
    return { requests: hits.map((h) => ({ ...h, url: `/requests/${h.id}` })), truncated };
  });
}
