// Strength A and B alternate: the next is the one not done last (A when none was logged yet).
import type { SessionKey } from './session-templates.ts';

export function nextStrengthSessionOf(
  logged: ReadonlyArray<{ date: string; sessionKey: SessionKey | null }>,
): 'strength_a' | 'strength_b' {
  let last: SessionKey | null = null;
  let lastDate = '';
  for (const s of logged)
    if ((s.sessionKey === 'strength_a' || s.sessionKey === 'strength_b') && s.date >= lastDate) {
      last = s.sessionKey;
      lastDate = s.date;
    }
  return last === 'strength_a' ? 'strength_b' : 'strength_a';
}
