/**
 * Request search for staff. The words (a client's name, date of birth, member ID) are PHI, so
 * they travel in a POST body, never in a URL a proxy, a browser's history or a Referer could
 * keep: the page is GET /search (the empty box) and POST /search (the form, with its CSRF
 * token; the results come back in that response, no redirect to a URL carrying the words), the
 * API POST /api/search ({ q }). GET /api/search?q= stays for tools that use it. The words are
 * not logged; the audit row says only that a search happened and how many requests it found,
 * written before the results are sent.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PhiCipher } from '../adapters/crypto/phi-cipher';
import type { Db } from '../adapters/db/db-pool';
import { MAX_QUERY_LENGTH } from '../domain/request-search';
import { searchRequests, type SearchResult } from '../use-cases/search-requests';
import { parseInput, searchBody } from './api-schemas';
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
type ByBody = { Body: unknown };

const NOT_SEARCHED: SearchResult = { searched: false, hits: [], truncated: false };

export function registerSearchRoutes(app: FastifyInstance, deps: SearchRouteDeps): void {
  const search = searchRequests({ db: deps.db, cipher: deps.cipher });
  const run = async (request: FastifyRequest, q: string) => {
    const result = await search(q);
    if (result.searched) await deps.record(request, 'search-requests', `results:${result.hits.length}`);
    return result;
  };
  const asJson = ({ hits, truncated }: SearchResult) => ({ requests: hits.map((h) => ({ ...h, url: `/requests/${h.id}` })), truncated });

  // The empty box. Words in the query string (an old bookmark) are not searched for: that would
  // keep inviting them into URLs.
  app.get('/search', { preHandler: deps.auth.anyStaff }, async (request, reply) =>
    deps.sendHtml(reply, renderSearchPage('', NOT_SEARCHED, deps.auth.viewer(request))),
  );

  app.post<ByBody>('/search', { preHandler: deps.auth.anyStaff }, async (request, reply) => {
    const body = parseInput(searchBody, request.body);
    const viewer = deps.auth.viewer(request);
    if (!body.ok) return deps.sendHtml(reply, renderSearchPage('', NOT_SEARCHED, viewer, `At most ${MAX_QUERY_LENGTH} characters.`), 400);
    const q = body.value.q ?? '';
    return deps.sendHtml(reply, renderSearchPage(q, await run(request, q), viewer));
  });

  app.post<ByBody>('/api/search', { preHandler: deps.auth.anyStaff }, async (request, reply) => {
    const body = parseInput(searchBody, request.body);
    if (!body.ok) return reply.code(400).send(body.error);
    return asJson(await run(request, body.value.q ?? ''));
  });

  app.get<ByQuery>('/api/search', { preHandler: deps.auth.anyStaff }, async (request) =>
    asJson(await run(request, typeof request.query.q === 'string' ? request.query.q.slice(0, MAX_QUERY_LENGTH) : '')),
  );
}
