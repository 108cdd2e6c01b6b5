// science.md §4 "Only one variable changes at a time", where the plan is edited: a coach who gives
// stage 6 hills reads, before saving and after, that the step from stage 5 changes time and
// terrain at once, and the step to stage 7 distance and terrain (a warning: the plan is saved).
import { beforeAll, expect, it } from 'vitest';
import { describeWithBrowser } from '../support/browser.ts';
import { signUp, useBrowserPage, usePage } from './e2e-env.ts';

describeWithBrowser('the plan editor names a step that changes two variables', () => {
  const { env, page: coach, errors } = useBrowserPage({ stepTimeoutMs: 15_000 });
  // The runner in a browser of their own, only to accept the invite.
  const { page: runner } = usePage(env);
  let athleteId = '';

  beforeAll(async () => {
    await signUp(coach, env.url, 'plan-coach@example.com', 'coach');
    await signUp(runner, env.url, 'plan-runner@example.com', 'runner');
    // The invite and its acceptance through each one's own session.
    const token = await coach.evaluate(async () => {
      const res = await fetch('/api/coach/invites', { method: 'POST' });
      return ((await res.json()) as { token: string }).token;
    });
    const accepted = await runner.evaluate(async (t) => {
      const res = await fetch(`/api/invites/${t}/accept`, { method: 'POST' });
      return res.status;
    }, token);
    expect(accepted).toBe(201);
    athleteId = await coach.evaluate(async () => {
      const res = await fetch('/api/coach/athletes');
      const rows = (await res.json()) as Array<{ athleteId: string }>;
      return rows[0]?.athleteId ?? '';
    });
    expect(athleteId).not.toBe('');
  });

  it('warns while typing and after saving: "Stage 5 → 6 changes time and terrain at once"', async () => {
    await coach.goto(`${env.url}/coach/athletes/${athleteId}`);
    await coach.locator('#coach-tools summary', { hasText: 'Plan' }).click();
    const warnings = coach.locator('#plan-warnings');
    // The default plan changes one variable a step: no warning.
    expect(await warnings.isHidden()).toBe(true);
    await coach.getByLabel('Stage 6 surface', { exact: true }).fill('hills');
    const message =
      'Stage 5 → 6 changes time and terrain at once: one variable at a time is safer for the hip.';
    await warnings.getByText(message).waitFor();
    expect(await warnings.innerText()).toContain('would change more than one thing');
    await coach.getByRole('button', { name: 'Save plan' }).click();
    await warnings.getByText(/^Saved, but/).waitFor();
    // Stage 7 is back on mostly flat ground: the step from the hills of stage 6 is named too.
    expect(await warnings.locator('li').allInnerTexts()).toEqual([
      message,
      'Stage 6 → 7 changes distance and terrain at once: one variable at a time is safer for the hip.',
    ]);
    // Saved all the same, with the server's warning naming both variables.
    const saved = await coach.evaluate(
      async (id) =>
        (await (await fetch(`/api/athletes/${id}/progression`)).json()) as {
          customPlan: boolean;
          planWarnings: Array<{ variables: string[] }>;
        },
      athleteId,
    );
    expect(saved.customPlan).toBe(true);
    expect(saved.planWarnings.map((w) => w.variables)).toEqual([
      ['time', 'terrain'],
      ['distance', 'terrain'],
    ]);
    // Back to one variable a step: the warning goes.
    await coach
      .getByLabel('Stage 6 surface', { exact: true })
      .fill('flat, even ground or treadmill');
    await expect.poll(() => warnings.isHidden()).toBe(true);
    expect(errors).toEqual([]);
  });
});
