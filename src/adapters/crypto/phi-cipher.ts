/**
 * PHI at rest: AES-256-GCM under STORAGE_KEY. A blob is 12-byte IV ‖ ciphertext ‖ 16-byte tag.
 * Also the keyed lookup hash (HMAC-SHA256) used to find "same client and date of birth"
 * without storing either in clear.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export class PhiCipherError extends Error {
  override readonly name = 'PhiCipherError';
  readonly code = 'phi-decrypt-failed';
}

export interface PhiCipher {
  encrypt(plain: Uint8Array): Buffer;
  decrypt(blob: Uint8Array): Buffer;
  encryptJson(value: unknown): Buffer;
  decryptJson<T>(blob: Uint8Array): T;
  /** Keyed hash for equality lookups (hex). */
  lookupKey(value: string): string;
}

export function createPhiCipher({ key }: { key: Buffer }): PhiCipher {
  if (key.length !== 32) throw new RangeError('AES-256-GCM needs a 32-byte key');
  // The lookup hash uses a key derived from, not equal to, the encryption key.
  const hmacKey = createHmac('sha256', key).update('vob-intake lookup key v1').digest();

  const encrypt = (plain: Uint8Array): Buffer => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]);
  };

  const decrypt = (blob: Uint8Array): Buffer => {
    const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
    if (buf.length < IV_BYTES + TAG_BYTES) throw new PhiCipherError('encrypted blob is too short');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, IV_BYTES));
      decipher.setAuthTag(buf.subarray(buf.length - TAG_BYTES));
      return Buffer.concat([decipher.update(buf.subarray(IV_BYTES, buf.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new PhiCipherError('encrypted blob failed authentication (wrong STORAGE_KEY or corrupted)');
    }
  };

  return {
    encrypt,
    decrypt,
    encryptJson: (value) => encrypt(Buffer.from(JSON.stringify(value), 'utf8')),
    decryptJson: <T>(blob: Uint8Array) => JSON.parse(decrypt(blob).toString('utf8')) as T,
    lookupKey: (value) => createHmac('sha256', hmacKey).update(value, 'utf8').digest('hex'),
  };
}
