/** zod parsing of request input into a value or a 400 body that names each bad field. */
import type { z } from 'zod';

/** Empty query values are the same as absent ones (a search form sends every field). */
function dropEmpty(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== '' && v !== undefined));
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: { error: 'invalid-input'; issues: { field: string; message: string }[] } };

export function parseInput<S extends z.ZodType>(schema: S, value: unknown): ParseResult<z.output<S>> {
  const parsed = schema.safeParse(dropEmpty(value ?? {}));
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    error: { error: 'invalid-input', issues: parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message })) },
  };
}
