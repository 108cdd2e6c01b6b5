// Who a reason speaks to (science.md §5: "the runner: 'your'; a coach: the athlete's name"). The
// engine writes its sentences once with four tokens — {You} {you} {Your} {your} — and the API
// renders them for the reader: the runner reads "You ran yesterday", their coach "Anna ran
// yesterday". Sentences use only past tense, modal verbs or a possessive subject ("Your pain is"),
// so no verb has to agree with the reader.

/** The runner themselves, or a coach reading about the athlete `name`. */
export type Voice = { reader: 'runner' } | { reader: 'coach'; name: string };

export const RUNNER_VOICE: Voice = { reader: 'runner' };

const TOKENS = /\{(You|you|Your|your)\}/g;

function possessiveOf(name: string): string {
  return name.endsWith('s') ? `${name}’` : `${name}’s`;
}

/** `text` with its tokens replaced for the reader. */
export function speak(text: string, voice: Voice): string {
  if (!text.includes('{')) return text;
  return text.replace(TOKENS, (_m, token: string) => {
    if (voice.reader === 'runner') return token;
    return token === 'You' || token === 'you' ? voice.name : possessiveOf(voice.name);
  });
}

/** A copy of any JSON value with every string spoken for the reader (reasons, flags, plans). */
export function speakAll<T>(value: T, voice: Voice): T {
  if (typeof value === 'string') return speak(value, voice) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => speakAll(v, voice)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = speakAll(v, voice);
    return out as T;
  }
  return value;
}

/** The name a coach reads until display names exist: the local part of the athlete's email. */
export function nameOfEmail(email: string): string {
  const at = email.indexOf('@');
  return at > 0 ? email.slice(0, at) : email;
}
