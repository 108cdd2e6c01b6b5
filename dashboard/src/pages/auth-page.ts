// Sign up or sign in. A runner's time zone comes from the browser.
import { api } from '../api.ts';
import { field, h, onSubmit } from '../dom.ts';

export function authPage(
  onDone: () => Promise<void>,
  options: { intro?: string; runnerOnly?: boolean } = {},
): HTMLElement {
  let mode: 'signup' | 'login' = 'signup';
  const error = h('p', { class: 'error', role: 'alert' });
  const email = h('input', { type: 'email', name: 'email', required: true, autocomplete: 'email' });
  const password = h('input', {
    type: 'password',
    name: 'password',
    required: true,
    minlength: 8,
    autocomplete: 'new-password',
  });
  const name = h('input', { type: 'text', name: 'name', maxlength: 80, autocomplete: 'name' });
  const nameLabel = field('Your name (what a coach reads; optional)', name);
  const role = h(
    'select',
    { name: 'role' },
    h('option', { value: 'runner' }, 'Runner'),
    h('option', { value: 'coach' }, 'Coach'),
  );
  const roleLabel = field('I am a', role);
  roleLabel.hidden = options.runnerOnly === true;
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Create account');
  const title = h('h1', {}, 'Create your account');
  const toggle = h('button', { type: 'button', class: 'link' }, 'I already have an account');
  const forgot = h('a', { href: '/forgot-password', id: 'forgot-password' }, 'Forgot password?');
  forgot.hidden = true;
  toggle.addEventListener('click', () => {
    mode = mode === 'signup' ? 'login' : 'signup';
    title.textContent = mode === 'signup' ? 'Create your account' : 'Sign in';
    submit.textContent = mode === 'signup' ? 'Create account' : 'Sign in';
    toggle.textContent = mode === 'signup' ? 'I already have an account' : 'Create a new account';
    roleLabel.hidden = mode === 'login' || options.runnerOnly === true;
    nameLabel.hidden = mode === 'login';
    password.autocomplete = mode === 'signup' ? 'new-password' : 'current-password';
    forgot.hidden = mode === 'signup';
  });
  const form = h(
    'form',
    {},
    field('Email', email),
    field('Password (8 characters or more)', password),
    nameLabel,
    roleLabel,
    submit,
    error,
  );
  onSubmit(form, { submit, error }, async () => {
    if (mode === 'signup') {
      const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
      await api.signup(
        email.value,
        password.value,
        role.value as 'runner' | 'coach',
        tz,
        name.value.trim() || undefined,
      );
    } else {
      await api.login(email.value, password.value);
    }
    await onDone();
  });
  return h(
    'section',
    { class: 'card narrow', id: 'auth' },
    title,
    h(
      'p',
      { class: 'muted' },
      options.intro ??
        'Hipcheck turns your runs and daily hip check-ins into one clear answer each morning: run, run modified, cross-train, strength, rest, or see a clinician.',
    ),
    form,
    h('p', { class: 'auth-links' }, toggle, ' ', forgot),
  );
}
