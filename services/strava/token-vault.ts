// Strava tokens at rest: AES-256-GCM with a 32-byte key from TOKEN_ENCRYPTION_KEY (64 hex chars).
//
// Ciphertext format (ASCII, safe for a text column):
//   v1.<keyId>.<iv>.<ciphertext>.<tag>        (iv, ciphertext and tag in base64url)
// keyId is the first 8 hex digits of SHA-256("hipcheck token vault" || key): it names the key
// without revealing it, so rotation is "add the new key, keep the old ones for decrypting", and a
// wrong key is told apart from a tampered ciphertext. The "v1.<keyId>" header and the caller's
// optional context (e.g. the account id) are authenticated as associated data, so a ciphertext
// cannot be moved to another row or have its header edited unnoticed.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { TokenVaultError } from './errors.ts';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface TokenVaultOptions {
  /** The current key, 64 hex characters (32 bytes). New ciphertexts use it. */
  key: string;
  /** Retired keys, still accepted for decrypting (key rotation). */
  previousKeys?: readonly string[];
}

export interface TokenVault {
  /** The id written into every new ciphertext. */
  readonly keyId: string;
  encrypt(plaintext: string, context?: string): string;
  /** Throws TokenVaultError ('unknown_key' | 'tampered' | 'malformed') when it cannot. */
  decrypt(ciphertext: string, context?: string): string;
  /** Whether a ciphertext was written with an older key and should be re-encrypted. */
  needsReencrypt(ciphertext: string): boolean;
}

/** Whether a string is a usable TOKEN_ENCRYPTION_KEY: 64 hex characters. */
export function isTokenKey(key: string): boolean {
  return /^[0-9a-fA-F]{64}$/.test(key);
}

/** A fresh random key, as 64 hex characters. */
export function generateTokenKey(): string {
  return randomBytes(32).toString('hex');
}

function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('hipcheck token vault').update(key).digest('hex').slice(0, 8);
}

function parseKey(hex: string, label: string): Buffer {
  if (!isTokenKey(hex)) {
    throw new TokenVaultError(
      'invalid_key',
      `invalid ${label}: expected 64 hex characters (32 bytes), got ${hex.length} characters`,
    );
  }
  return Buffer.from(hex, 'hex');
}

export function createTokenVault(options: TokenVaultOptions): TokenVault {
  const current = parseKey(options.key, 'TOKEN_ENCRYPTION_KEY');
  const currentId = keyIdOf(current);
  const keys = new Map<string, Buffer>([[currentId, current]]);
  for (const [i, hex] of (options.previousKeys ?? []).entries()) {
    const key = parseKey(hex, `previous key #${i + 1}`);
    if (!keys.has(keyIdOf(key))) keys.set(keyIdOf(key), key);
  }

  const aad = (header: string, context: string | undefined): Buffer =>
    Buffer.from(context === undefined ? header : `${header}\n${context}`, 'utf8');

  function split(ciphertext: string): { keyId: string; iv: Buffer; body: Buffer; tag: Buffer } {
    const parts = ciphertext.split('.');
    const [version, keyId, iv, body, tag] = parts;
    if (
      parts.length !== 5 ||
      version !== VERSION ||
      keyId === undefined ||
      !/^[0-9a-f]{8}$/.test(keyId) ||
      iv === undefined ||
      body === undefined ||
      tag === undefined
    ) {
      throw new TokenVaultError(
        'malformed',
        'cannot decrypt the token: not a v1 token-vault ciphertext',
      );
    }
    const ivBytes = Buffer.from(iv, 'base64url');
    const tagBytes = Buffer.from(tag, 'base64url');
    if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) {
      throw new TokenVaultError(
        'malformed',
        'cannot decrypt the token: the ciphertext is truncated or altered',
      );
    }
    return { keyId, iv: ivBytes, body: Buffer.from(body, 'base64url'), tag: tagBytes };
  }

  return {
    keyId: currentId,

    encrypt(plaintext, context) {
      const header = `${VERSION}.${currentId}`;
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(aad(header, context));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        header,
        iv.toString('base64url'),
        body.toString('base64url'),
        tag.toString('base64url'),
      ].join('.');
    },

    decrypt(ciphertext, context) {
      const { keyId, iv, body, tag } = split(ciphertext);
      const key = keys.get(keyId);
      if (key === undefined) {
        throw new TokenVaultError(
          'unknown_key',
          `cannot decrypt the token: it was encrypted with key ${keyId}, which is not configured ` +
            `(configured: ${[...keys.keys()].join(', ')}); check TOKEN_ENCRYPTION_KEY`,
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAAD(aad(`${VERSION}.${keyId}`, context));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new TokenVaultError(
          'tampered',
          'cannot decrypt the token: the ciphertext was altered or belongs to another record',
          { cause },
        );
      }
    },

    needsReencrypt(ciphertext) {
      return split(ciphertext).keyId !== currentId;
    },
  };
}
