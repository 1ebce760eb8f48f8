/**
 * Maps a use-case error to what BullMQ should do: retry (transient: a database or SMTP
 * connection) or fail for good (UnrecoverableError). The error that reaches Redis carries a
 * code only, never a message that could quote PHI.
 */
import { UnrecoverableError } from 'bullmq';

const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'enqueue-timeout',
  'smtp-retry',
  // PostgreSQL: connection exceptions, shutdown, too many connections, serialization/deadlock.
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '40001',
  '40P01',
]);

export function isTransientError(err: unknown): boolean {
  const e = err as { code?: unknown; transient?: unknown; message?: unknown };
  if (e?.transient === true) return true;
  if (typeof e?.code === 'string' && TRANSIENT_CODES.has(e.code)) return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED/.test(message);
}

export function errorCode(err: unknown): string {
  const e = err as { code?: unknown; name?: unknown };
  if (typeof e?.code === 'string' && /^[\w.-]{1,40}$/.test(e.code)) return e.code;
  return typeof e?.name === 'string' ? e.name : 'Error';
}

export function toJobFailure(err: unknown): Error {
  const code = errorCode(err);
  return isTransientError(err) ? Object.assign(new Error(`transient: ${code}`), { code }) : new UnrecoverableError(`failed: ${code}`);
}
