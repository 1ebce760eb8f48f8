/**
 * The zod schemas of what /api routes accept (bodies, query strings, path ids). Routes parse with
 * `parseInput`, so a bad value is a 400 naming the field; GET /api/openapi.json is generated
 * from the same table.
 */
import { z } from 'zod';
import { CORRECTABLE_FIELDS } from '../domain/request-correction';
import { ROLES } from '../domain/staff-auth';
import { worksheetSchema } from '../domain/verification';
import { settingsSchema } from '../domain/service-settings';
import { queueQuery } from '../use-cases/staff-views';

export { parseInput } from '../shared/parse-input';
export { queueQuery };

export const idParam = z.object({ id: z.string().regex(/^\d{1,18}$/, 'a numeric id') });

export const loginBody = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1024),
});

export const correctionBody = z.object({
  field: z.enum(CORRECTABLE_FIELDS),
  /** Empty clears the field. */
  value: z.string().max(200),
});

export const verificationBody = z
  .object({
    worksheet: worksheetSchema,
    /** true: the call is done (closes the verify-benefits task, the request becomes verified); false: a draft. */
    complete: z.boolean(),
    /** The 271 draft the worksheet was prefilled from and the biller confirmed. */
    eligibilityResponseId: z.string().regex(/^\d{1,18}$/, 'a numeric id').nullable().optional(),
  })
  .strict();

/** The request page's worksheet form: the button pressed, the prefill source; the fields themselves go through worksheetFromForm. */
export const verificationForm = z.object({
  action: z.enum(['draft', 'complete']),
  eligibilityResponseId: z.string().regex(/^\d{1,18}$/, 'a numeric id').optional(),
});

export const assignBody = z.object({ userId: z.string().regex(/^\d{1,18}$/, 'a numeric user id') });

export const newUserBody = z.object({
  email: z.email().max(254),
  role: z.enum(ROLES),
  password: z.string().min(12).max(1024),
});

export const passwordBody = z.object({ password: z.string().min(12).max(1024) });

export const auditQuery = z.object({
  actor: z.string().trim().max(254).optional(),
  action: z.string().trim().max(64).regex(/^[a-z:-]*$/, 'an action name').optional(),
  subject: z.string().trim().max(64).regex(/^[a-z-]+:(\d{1,18})?$/, "an id such as 'request:12' or a kind such as 'request:'").optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  /** Rows older than this audit id (the `next` of the previous page). */
  before: z.string().regex(/^\d{1,18}$/).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/** Every /api route: method, path, who may call it, and its inputs (for the OpenAPI document). */
export interface ApiRoute {
  method: 'get' | 'post' | 'delete';
  path: string;
  summary: string;
  roles: 'public' | 'staff' | 'admin';
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodObject;
}

/** GET /api/search?q= (the words are PHI: never logged; kept for tools, the page posts). */
export const searchQuery = z.object({ q: z.string().max(200).optional() });

/** POST /api/search and the search page's form: the same words in the body, never in a URL. */
export const searchBody = searchQuery;

/** The center figures' range: days (UTC) of the first email's arrival, both included. */
export const figuresQuery = z
  .object({
    since: z.iso.date('a day as YYYY-MM-DD').optional(),
    until: z.iso.date('a day as YYYY-MM-DD').optional(),
  })
  .refine((q) => !q.since || !q.until || q.since <= q.until, { message: 'since must not be after until', path: ['until'] });

export const API_ROUTES: ApiRoute[] = [
  { method: 'post', path: '/api/session', summary: 'Log in; sets the session cookie and returns the CSRF token', roles: 'public', body: loginBody },
  { method: 'get', path: '/api/session', summary: 'Who is signed in, and the CSRF token', roles: 'staff' },
  { method: 'delete', path: '/api/session', summary: 'Log out', roles: 'staff' },
  { method: 'get', path: '/api/tasks', summary: 'The queue, most urgent first, with counts per kind and status', roles: 'staff', query: queueQuery },
  { method: 'post', path: '/api/tasks/next', summary: 'Claim the most urgent unclaimed open task', roles: 'staff' },
  { method: 'post', path: '/api/tasks/{id}/claim', summary: 'Claim a task (409 when someone holds it)', roles: 'staff', params: idParam },
  { method: 'post', path: '/api/tasks/{id}/release', summary: 'Release a task you hold (admins: any)', roles: 'staff', params: idParam },
  { method: 'post', path: '/api/tasks/{id}/assign', summary: 'Give a task to a staff member', roles: 'admin', params: idParam, body: assignBody },
  { method: 'post', path: '/api/tasks/{id}/done', summary: 'Mark a task done', roles: 'staff', params: idParam },
  { method: 'get', path: '/api/requests/{id}', summary: 'One request (audited)', roles: 'staff', params: idParam },
  { method: 'post', path: '/api/requests/{id}/fields', summary: "Correct one field (the machine's value is kept beside it)", roles: 'staff', params: idParam, body: correctionBody },
  { method: 'get', path: '/api/requests/{id}/verifications', summary: 'Verifications of a request, newest first, the 271 drafts and the prefill (audited)', roles: 'staff', params: idParam },
  { method: 'post', path: '/api/requests/{id}/verifications', summary: 'Save the verification worksheet as a draft, or complete it (closes verify-benefits, request verified)', roles: 'staff', params: idParam, body: verificationBody },
  { method: 'post', path: '/api/eligibility/271', summary: 'Import a 271 (multipart field "file", or the raw body as application/edi-x12): draft verifications, rejection tasks (audited)', roles: 'staff' },
  { method: 'get', path: '/api/messages/{id}', summary: 'One inbound message (audited)', roles: 'staff', params: idParam },
  { method: 'post', path: '/api/search', summary: 'Requests matching every word of `q`: name parts, date of birth or year, member ID, sender (audited: the count, not the words). The words travel in the body, out of URLs and access logs', roles: 'staff', body: searchBody },
  { method: 'get', path: '/api/search', summary: 'The same search with `q` in the query string (kept for existing tools; prefer POST: a URL may be logged)', roles: 'staff', query: searchQuery },
  { method: 'get', path: '/api/users', summary: 'Staff accounts and their API tokens', roles: 'admin' },
  { method: 'post', path: '/api/users', summary: 'Add a staff account', roles: 'admin', body: newUserBody },
  { method: 'post', path: '/api/users/{id}/disable', summary: 'Disable an account (ends its sessions and tokens)', roles: 'admin', params: idParam },
  { method: 'post', path: '/api/users/{id}/enable', summary: 'Enable an account', roles: 'admin', params: idParam },
  { method: 'post', path: '/api/users/{id}/password', summary: 'Set a new password (ends its sessions)', roles: 'admin', params: idParam, body: passwordBody },
  { method: 'post', path: '/api/users/{id}/tokens', summary: 'Create an API token (shown once)', roles: 'admin', params: idParam },
  { method: 'delete', path: '/api/tokens/{id}', summary: 'Revoke an API token', roles: 'admin', params: idParam },
  { method: 'get', path: '/api/audit', summary: 'The audit trail, newest first, filtered and paged', roles: 'admin', query: auditQuery },
  { method: 'get', path: '/api/settings', summary: 'The sender allowlist and reply signature, their defaults, which are set here', roles: 'admin' },
  { method: 'post', path: '/api/settings', summary: 'Set the sender allowlist and reply signature (audited per setting changed)', roles: 'admin', body: settingsSchema },
  { method: 'get', path: '/api/centers/figures', summary: 'Per referring center: requests, share incomplete on arrival, fields most often left out, median hours from email to verified (audited)', roles: 'admin', query: figuresQuery },
  { method: 'get', path: '/api/openapi.json', summary: 'This document', roles: 'staff' },
];

/** An OpenAPI 3.1 document of API_ROUTES, inputs from their zod schemas. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemaOf = (s: z.ZodType) => {
    const { $schema: _omit, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    return rest;
  };
  for (const r of API_ROUTES) {
    const parameters = [
      ...Object.entries(r.params?.shape ?? {}).map(([name, s]) => ({ name, in: 'path', required: true, schema: schemaOf(s as z.ZodType) })),
      ...Object.entries(r.query?.shape ?? {}).map(([name, s]) => ({ name, in: 'query', required: false, schema: schemaOf(s as z.ZodType) })),
    ];
    const security = r.roles === 'public' ? [] : [{ session: [] }, { bearer: [] }];
    paths[r.path] ??= {};
    paths[r.path]![r.method] = {
      summary: r.summary,
      ...(r.roles === 'admin' ? { description: 'Admins only.' } : {}),
      security,
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(r.body) } } } } : {}),
      responses: {
        '200': { description: 'OK' },
        '400': { description: 'invalid-input: the issues name each field' },
        ...(r.roles === 'public' ? {} : { '401': { description: 'no session or token' }, '403': { description: 'wrong role, or a missing CSRF token with a session cookie' } }),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'vob-intake staff API', version: '1' },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'vob_session', description: 'State changes also need the X-CSRF-Token header' },
        bearer: { type: 'http', scheme: 'bearer', description: 'A per-user API token (vob user token create)' },
      },
    },
    paths,
  };
}
