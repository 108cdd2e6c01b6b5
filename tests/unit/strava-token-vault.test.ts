import { describe, expect, it } from 'vitest';
import { TokenVaultError } from '../../services/strava/errors.ts';
import {
  createTokenVault,
  generateTokenKey,
  isTokenKey,
} from '../../services/strava/token-vault.ts';

const KEY = 'a'.repeat(64);
const OTHER_KEY = 'b'.repeat(64);

function vaultError(fn: () => unknown): TokenVaultError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TokenVaultError) return e;
    throw e;
  }
  throw new Error('expected a TokenVaultError');
}

describe('createTokenVault()', () => {
  it('decrypts what it encrypted, and never writes the plaintext', () => {
    const vault = createTokenVault({ key: KEY });
    const secret = 'a1b2c3d4e5f6-access-token';
    const sealed = vault.encrypt(secret);
    expect(sealed).not.toContain(secret);
    expect(sealed.startsWith(`v1.${vault.keyId}.`)).toBe(true);
    expect(vault.decrypt(sealed)).toBe(secret);
  });

  it('uses a fresh IV each time: the same token encrypts differently', () => {
    const vault = createTokenVault({ key: KEY });
    expect(vault.encrypt('same')).not.toBe(vault.encrypt('same'));
  });

  it('refuses a key that is not 64 hex characters', () => {
    expect(vaultError(() => createTokenVault({ key: 'abc' })).reason).toBe('invalid_key');
    expect(vaultError(() => createTokenVault({ key: 'g'.repeat(64) })).message).toMatch(
      /64 hex characters/,
    );
    expect(isTokenKey(generateTokenKey())).toBe(true);
  });

  it('says "not configured" when decrypting with the wrong key', () => {
    const sealed = createTokenVault({ key: KEY }).encrypt('token');
    const e = vaultError(() => createTokenVault({ key: OTHER_KEY }).decrypt(sealed));
    expect(e.reason).toBe('unknown_key');
    expect(e.message).toMatch(/TOKEN_ENCRYPTION_KEY/);
  });

  it('detects a tampered ciphertext, tag or header', () => {
    const vault = createTokenVault({ key: KEY });
    const sealed = vault.encrypt('a-long-enough-token-value');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    const flipped = [parts[0], parts[1], parts[2], body.toString('base64url'), parts[4]].join('.');
    expect(vaultError(() => vault.decrypt(flipped)).reason).toBe('tampered');
    const tag = Buffer.from(parts[4] ?? '', 'base64url');
    tag[3] = (tag[3] ?? 0) ^ 0x80;
    const badTag = [parts[0], parts[1], parts[2], parts[3], tag.toString('base64url')].join('.');
    expect(vaultError(() => vault.decrypt(badTag)).reason).toBe('tampered');
    expect(vaultError(() => vault.decrypt('v1.zz.not-a-ciphertext')).reason).toBe('malformed');
    expect(vaultError(() => vault.decrypt(sealed.slice(0, 20))).reason).toBe('malformed');
  });

  it('binds a ciphertext to its context, so it cannot be moved to another account', () => {
    const vault = createTokenVault({ key: KEY });
    const sealed = vault.encrypt('token', 'strava_account:1');
    expect(vault.decrypt(sealed, 'strava_account:1')).toBe('token');
    expect(vaultError(() => vault.decrypt(sealed, 'strava_account:2')).reason).toBe('tampered');
  });

  it('rotates keys: old ciphertexts still decrypt and are flagged for re-encryption', () => {
    const old = createTokenVault({ key: KEY });
    const sealed = old.encrypt('token');
    const rotated = createTokenVault({ key: OTHER_KEY, previousKeys: [KEY] });
    expect(rotated.decrypt(sealed)).toBe('token');
    expect(rotated.needsReencrypt(sealed)).toBe(true);
    expect(rotated.needsReencrypt(rotated.encrypt('token'))).toBe(false);
  });
});
