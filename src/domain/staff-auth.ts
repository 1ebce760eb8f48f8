/**
 * The rules of staff sign-in, pure: password length, session expiry (idle and absolute), the CSRF
 * token bound to a session, secret hashing for session ids and API tokens, login lockout, and
 * masking for lists. Password hashing and random secrets are in adapters/crypto/staff-secrets.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const ROLES = ['biller', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

export class WeakPasswordError extends Error {
  override readonly name = 'WeakPasswordError';
  readonly code = 'weak-password';
}

export function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new WeakPasswordError(`a password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) throw new WeakPasswordError(`a password has at most ${MAX_PASSWORD_LENGTH} characters`);
}

/** What is stored for a session id or API token: HMAC-SHA256 under SESSION_SECRET, hex. */
export function secretHash(serverSecret: Buffer, secret: string): string {
  return createHmac('sha256', serverSecret).update(secret).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Sessions

export interface SessionTimeouts {
  idleMs: number;
  absoluteMs: number;
}

export type SessionState = 'valid' | 'idle-expired' | 'absolute-expired';

export function sessionState(session: { createdAt: Date; lastSeenAt: Date }, now: Date, timeouts: SessionTimeouts): SessionState {
  if (now.getTime() - session.createdAt.getTime() >= timeouts.absoluteMs) return 'absolute-expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= timeouts.idleMs) return 'idle-expired';
  return 'valid';
}

// ---------------------------------------------------------------------------------------------
// CSRF: a synchronizer token derived from the session id, so it is bound to that session and
// changes with it (a new login gets a new one); nothing more is stored.

export function csrfToken(serverSecret: Buffer, sessionOrPreId: string): string {
  return createHmac('sha256', serverSecret).update(`csrf\u0000${sessionOrPreId}`).digest('base64url');
}

export function csrfTokenValid(serverSecret: Buffer, sessionOrPreId: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > 128) return false;
  const expected = Buffer.from(csrfToken(serverSecret, sessionOrPreId));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// ---------------------------------------------------------------------------------------------
// Lockout

export interface LockoutPolicy {
  /** Failures of one account within `windowMs` that lock it for `lockMs`. */
  maxAccountFailures: number;
  /** Failures from one IP within `windowMs` after which that IP is refused. */
  maxIpFailures: number;
  windowMs: number;
  lockMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxAccountFailures: 5, maxIpFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** Refuse before checking the password: the account is locked, or the IP failed too often. */
export function loginRefused(input: { lockedUntil: Date | null; ipFailures: number; now: Date }, policy: LockoutPolicy): 'account-locked' | 'ip-throttled' | null {
  if (input.lockedUntil && input.lockedUntil.getTime() > input.now.getTime()) return 'account-locked';
  if (input.ipFailures >= policy.maxIpFailures) return 'ip-throttled';
  return null;
}

/** After a failure: lock the account until this time, or not (null). */
export function lockAfterFailure(accountFailuresInWindow: number, now: Date, policy: LockoutPolicy): Date | null {
  return accountFailuresInWindow >= policy.maxAccountFailures ? new Date(now.getTime() + policy.lockMs) : null;
}

// ---------------------------------------------------------------------------------------------
// Masking

/** A member ID for lists: the last four characters, the rest as bullets (short IDs show less). */
export function maskMemberId(memberId: string | null | undefined): string | null {
  if (!memberId) return null;
  const keep = memberId.length > 6 ? 4 : Math.max(0, memberId.length - 3);
  return `${'•'.repeat(Math.max(4, memberId.length - keep))}${memberId.slice(memberId.length - keep)}`;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const EMAIL_PATTERN = /^[^\s@<>]{1,64}@[^\s@<>]{1,190}$/;
