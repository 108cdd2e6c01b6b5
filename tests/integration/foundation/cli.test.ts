// The command line as a newcomer meets it: a bad setting is named and the process exits non-zero,
// and the test command stops at once, with one line, when PostgreSQL or Redis is not there.
import { describe, expect, it } from 'vitest';
import { runNode as run } from '../../support/run-node.ts';

describe('the command line', () => {
  it('names every invalid setting and exits non-zero before starting anything', async () => {
    const r = await run(['bin/hipcheck.js', 'start'], {
      ...process.env,
      PORT: 'eighty',
      TOKEN_ENCRYPTION_KEY: 'short',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PORT');
    expect(r.stderr).toContain(
      'TOKEN_ENCRYPTION_KEY: must be 32 bytes written as 64 hex characters',
    );
  });

  it('refuses an unknown command with the usage', async () => {
    const r = await run(['bin/hipcheck.js', 'fly'], process.env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('unknown command: fly');
    expect(r.stderr).toContain('inspect FILE…');
  });

  it('stops the test run at once with one line when Redis is unreachable', async () => {
    // Port 1 on loopback: nothing listens there.
    const r = await run(['tests/run.js', 'tests/unit/foundation/config.test.ts'], {
      ...process.env,
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    expect(r.status).not.toBe(0);
    const said = `${r.stdout}\n${r.stderr}`;
    expect(said).toContain('Cannot reach Redis at 127.0.0.1:1');
    expect(said).toContain('docker compose up -d db redis');
  }, 60_000);
});
