/**
 * Secrets of staff sign-in that need randomness or CPU: password hashes (scrypt, memory-hard, a
 * salt per user, constant-time compare) and the random session ids and API tokens.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { MAX_PASSWORD_LENGTH } from '../../domain/staff-auth';

/**
 * scrypt cost: N=2^15, r=8 needs 32 MiB per hash (128·N·r bytes) and ~60-100 ms on one core,
 * which makes an offline guess expensive without making a login slow. The parameters are stored
 * with each hash, so they can be raised later without invalidating old ones.
 */
export const PASSWORD_PARAMS = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltBytes: 16 } as const;
/** scrypt refuses N·r above its default 32 MiB ceiling; leave room for it. */
const SCRYPT_MAXMEM = 64 * 1024 * 1024;

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))));
}

/** `scrypt$N$r$p$<salt>$<hash>` (base64). */
export async function hashPassword(password: string, params: { N: number; r: number; p: number } = PASSWORD_PARAMS): Promise<string> {
  const salt = randomBytes(PASSWORD_PARAMS.saltBytes);
  const key = await scryptAsync(password, salt, PASSWORD_PARAMS.keyLength, { ...params, maxmem: SCRYPT_MAXMEM });
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** False for a wrong password or a stored value not made by hashPassword. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  if (![N, r, p].every(Number.isInteger) || expected.length === 0 || password.length > MAX_PASSWORD_LENGTH) return false;
  const key = await scryptAsync(password, salt, expected.length, { N, r, p, maxmem: SCRYPT_MAXMEM });
  return timingSafeEqual(key, expected);
}

/**
 * A hash to spend the same time on when the e-mail names no account, so the response time does
 * not tell which addresses have one.
 */
let decoyHash: Promise<string> | null = null;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
}

// ---------------------------------------------------------------------------------------------
// Secrets handed out once: session ids and API tokens

/** A new random secret, 32 bytes, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** API tokens carry a prefix so a leaked one is recognisable (secret scanners, logs). */
export const API_TOKEN_PREFIX = 'vobt_';

export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${newSecret()}`;
}
