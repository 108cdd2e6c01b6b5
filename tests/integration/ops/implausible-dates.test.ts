// Dates outside 1990-01-01 … tomorrow (shared/plausible-date.ts, through checkLoggable) get a 400
// naming the field, on the routes that log a day: check-ins, cross-training, manual stages. A
// check-in dated 1000-01-01 once asked the engine for 375,000 days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipeline, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';

let p: Pipeline;
let runner: TestClient;

beforeAll(async () => {
  p = await startPipeline({ workers: false });
  runner = p.client();
  await runner.signup('typo@example.com');
});
afterAll(async () => {
  await p.close();
});

type ErrorBody = { error: { code: string; message: string } };

describe('a date before 1990', () => {
  it('on a check-in is a 400 naming the date, and nothing is stored', async () => {
    const res = await runner.post<ErrorBody>('/api/checkins', {
      date: '1000-01-01',
      painAtRest: 1,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'date: 1000-01-01 is before 1990-01-01, the earliest date Hipcheck accepts',
    );
    expect((await runner.get<unknown[]>('/api/checkins')).body).toEqual([]);
  });

  it('on cross-training is a 400 naming the date', async () => {
    const res = await runner.post<ErrorBody>('/api/cross-training', {
      date: '1899-05-01',
      kind: 'bike',
      minutes: 30,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^date: 1899-05-01 is before 1990-01-01/);
  });

  it('on a manual stage is a 400 naming the date', async () => {
    const res = await runner.post<ErrorBody>('/api/progression/stage', {
      stage: 1,
      date: '1066-10-14',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^date: 1066-10-14 is before 1990-01-01/);
  });
});
