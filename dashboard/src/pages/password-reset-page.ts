// /forgot-password asks for a reset link by email; /reset-password#token=… (the link in that
// email) sets a new password and signs in. The token stays in the URL's fragment, which the
// browser never sends to a server.
import { api } from '../api.ts';
import { errorText, field, h, onSubmit } from '../dom.ts';
import { navigate } from '../router.ts';

export function forgotPasswordPage(): HTMLElement {
  const email = h('input', { type: 'email', name: 'email', required: true, autocomplete: 'email' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Send me a link');
  const status = h('p', { role: 'status', id: 'forgot-status' });
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', {}, field('Email', email), submit, status, error);
  onSubmit(form, { submit, error }, async () => {
    status.textContent = '';
    const res = await api.requestPasswordReset(email.value);
    status.textContent = `Check your inbox: ${res.message}.`;
    form.reset();
  });
  return h(
    'section',
    { class: 'card narrow', id: 'forgot-password-page' },
    h('h1', {}, 'Forgot your password?'),
    h('p', { class: 'muted' }, 'We will email you a link to choose a new one.'),
    form,
    h('p', {}, h('a', { href: '/' }, 'Back to sign in')),
  );
}

export function resetPasswordPage(hash: string): HTMLElement {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
  const section = h(
    'section',
    { class: 'card narrow', id: 'reset-password-page' },
    h('h1', {}, 'Choose a new password'),
  );
  if (!token) {
    section.append(
      h('p', { class: 'error' }, 'This link is incomplete. Ask for a new one.'),
      h('p', {}, h('a', { href: '/forgot-password' }, 'Forgot password?')),
    );
    return section;
  }
  const password = h('input', {
    type: 'password',
    name: 'password',
    required: true,
    minlength: 8,
    autocomplete: 'new-password',
  });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Set password and sign in');
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', {}, field('New password (8 characters or more)', password), submit, error);
  onSubmit(
    form,
    { submit, error },
    async () => {
      await api.resetPassword(token, password.value);
      // Signed in now: today's page, with the token gone from the address bar and history.
      navigate('/', { replace: true });
    },
    (err) =>
      error.replaceChildren(
        errorText(err),
        ' ',
        h('a', { href: '/forgot-password' }, 'Ask for a new link'),
      ),
  );
  section.append(form);
  return section;
}
