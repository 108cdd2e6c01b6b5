// Passwords: an unknown email is verified against a dummy hash made with the same scrypt
// parameters as every stored hash, so a failed sign-in costs the same whether or not the account
// exists.
import { describe, expect, it } from 'vitest';
import { dummyHash, hashPassword, verifyPassword } from '#services/api/passwords';

/** 'scrypt$N$r$p': the cost part of a stored hash. */
const costOf = (hash: string) => hash.split('$').slice(0, 4).join('$');

describe('passwords', () => {
  it('verifies a password against its own hash only', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('wrong horse battery', hash)).toBe(false);
  });

  it('makes the dummy hash with the cost of a real one', async () => {
    expect(costOf(await dummyHash())).toBe(costOf(await hashPassword('anything at all')));
  });

  it('answers false for a missing account, after checking the dummy hash', async () => {
    expect(await verifyPassword(await dummyHash(), undefined)).toBe(false);
    expect(await verifyPassword('anything', undefined)).toBe(false);
  });
});
