import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '#services/config';

describe('loadConfig()', () => {
  it('uses the embedded defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.redisUrl).toBeUndefined();
    expect(c.dataDir).toBe('./data');
    expect(c.strava.apiUrl).toBe('https://www.strava.com/api/v3');
    expect(c.strava.oauthUrl).toBe('https://www.strava.com/oauth');
    expect(c.publicUrl).toBe('http://localhost:3000');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).databaseUrl).toBeUndefined();
  });

  it('names every invalid variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', TOKEN_ENCRYPTION_KEY: 'abc' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain(
      'TOKEN_ENCRYPTION_KEY: must be 32 bytes written as 64 hex characters',
    );
    expect((error as ConfigError).problems).toHaveLength(3);
  });

  it('accepts a 64-hex-character encryption key and trims trailing slashes from Strava URLs', () => {
    const c = loadConfig({
      TOKEN_ENCRYPTION_KEY: 'ab'.repeat(32),
      STRAVA_API_URL: 'http://127.0.0.1:9999/api/v3/',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(c.tokenEncryptionKey).toBe('ab'.repeat(32));
    expect(c.strava.apiUrl).toBe('http://127.0.0.1:9999/api/v3');
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
  });
});
