/**
 * Who is asking, for every staff route: a session cookie (pages and the JSON API from a
 * browser) or `Authorization: Bearer <api token>` (machines). No one → 401 for /api, a redirect
 * to /login for pages; the wrong role → 403. A state change made with a session cookie must carry
 * the session's CSRF token (form field `_csrf` or header `X-CSRF-Token`); bearer tokens are not
 * sent by browsers on their own, so they need none.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken, csrfTokenValid, type Role } from '../domain/staff-auth';
import type { Actor, StaffAccounts } from '../use-cases/staff-accounts';
import type { Viewer } from './staff-html';

export const SESSION_COOKIE = 'vob_session';
/** A random value set by GET /login; the login form's CSRF token is derived from it. */
export const PRE_SESSION_COOKIE = 'vob_pre';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (/^[A-Za-z0-9_-]{1,64}$/.test(name) && /^[A-Za-z0-9_-]{0,256}$/.test(value)) out[name] ??= value;
  }
  return out;
}

export interface CookieOptions {
  /** Secure when served over TLS or configured as behind TLS. */
  secure: boolean;
  /** Max-Age in seconds; 0 removes the cookie. Omitted: a browser-session cookie. */
  maxAgeSeconds?: number;
}

export function cookieHeader(name: string, value: string, { secure, maxAgeSeconds }: CookieOptions): string {
  return [`${name}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : []), ...(maxAgeSeconds !== undefined ? [`Max-Age=${maxAgeSeconds}`] : [])].join('; ');
}

export function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/');
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface StaffAuthDeps {
  accounts: StaffAccounts;
  serverSecret: Buffer;
}

export function createStaffAuth({ accounts, serverSecret }: StaffAuthDeps) {
  /** Who the request is from (token first), or null. */
  async function identify(request: FastifyRequest): Promise<Actor | null> {
    const header = request.headers.authorization;
    if (typeof header === 'string') {
      const bearer = /^Bearer\s+(\S+)$/i.exec(header);
      // A malformed or unknown Authorization header is refused, never read as "no credentials".
      return bearer ? accounts.authenticateToken(bearer[1]!) : null;
    }
    const sessionId = parseCookies(request.headers.cookie)[SESSION_COOKIE];
    return sessionId ? accounts.authenticateSession(sessionId) : null;
  }

  function csrfOk(request: FastifyRequest, actor: Actor): boolean {
    if (actor.via !== 'session' || SAFE_METHODS.has(request.method)) return true;
    const header = request.headers['x-csrf-token'];
    const body = request.body as { _csrf?: unknown } | null | undefined;
    const given = typeof header === 'string' ? header : body && typeof body === 'object' ? body._csrf : undefined;
    return csrfTokenValid(serverSecret, actor.sessionId!, given);
  }

  /** A preHandler: only these roles; sets request.actor. */
  function requireRole(...roles: Role[]) {
    return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      const actor = await identify(request);
      const api = isApiPath(request.url);
      if (!actor) {
        if (api || !SAFE_METHODS.has(request.method) || request.headers.authorization !== undefined) {
          await reply.code(401).header('WWW-Authenticate', 'Bearer realm="vob staff"').send({ error: 'unauthorized' });
        } else {
          await reply.redirect('/login', 303);
        }
        return;
      }
      if (!roles.includes(actor.role)) {
        await reply.code(403).send({ error: 'forbidden' });
        return;
      }
      if (!csrfOk(request, actor)) {
        await reply.code(403).send({ error: 'csrf' });
        return;
      }
      request.actor = actor;
    };
  }

  return {
    identify,
    anyStaff: requireRole('biller', 'admin'),
    adminOnly: requireRole('admin'),
    /** The page viewer (with the CSRF token its forms carry); only after a preHandler passed. */
    viewer(request: FastifyRequest): Viewer {
      const actor = request.actor!;
      return { userId: actor.userId, email: actor.email, role: actor.role, csrf: actor.sessionId ? csrfToken(serverSecret, actor.sessionId) : '' };
    },
    csrfFor: (sessionId: string) => csrfToken(serverSecret, sessionId),
    preLoginCsrf: (pre: string) => csrfToken(serverSecret, `pre\u0000${pre}`),
    preLoginCsrfValid: (pre: string, given: unknown) => csrfTokenValid(serverSecret, `pre\u0000${pre}`, given),
  };
}

export type StaffAuth = ReturnType<typeof createStaffAuth>;
