// /invite/:token — who invites, and for someone without an account a form that creates a runner
// account and accepts in one go; a signed-in runner accepts with one button. A link that cannot be
// used (unknown, used or expired: the server does not say which) says so and what to do.
import { api, type InviteView, type Me } from '../api.ts';
import { errorText, field, h, onSubmit } from '../dom.ts';
import { formatMoment } from '../format.ts';
import { authPage } from './auth-page.ts';

const who = (i: InviteView) => (i.coachName ? `${i.coachName} (${i.coachEmail})` : i.coachEmail);

function card(...children: Array<Node | null>): HTMLElement {
  return h(
    'section',
    { class: 'card narrow', id: 'invite-page' },
    h('h1', {}, 'Invitation'),
    ...children,
  );
}

function accepted(coach: string): HTMLElement {
  return h(
    'p',
    { role: 'status', id: 'invite-accepted' },
    `${coach} can now see your data. `,
    h('a', { href: '/' }, 'Start with today'),
    ' · ',
    h('a', { href: '/settings' }, 'Manage access'),
  );
}

/** Create a runner account that accepts the invite: one form, one request. */
function newcomerForm(token: string, invite: InviteView, rerender: () => Promise<void>): Node[] {
  const name = h('input', { type: 'text', name: 'name', maxlength: 80, autocomplete: 'name' });
  const email = h('input', { type: 'email', name: 'email', required: true, autocomplete: 'email' });
  const password = h('input', {
    type: 'password',
    name: 'password',
    required: true,
    minlength: 8,
    autocomplete: 'new-password',
  });
  const submit = h(
    'button',
    { type: 'submit', class: 'primary', id: 'invite-signup' },
    'Create my account and share',
  );
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h(
    'form',
    { id: 'invite-signup-form' },
    field('Your name (what your coach reads)', name),
    field('Email', email),
    field('Password (8 characters or more)', password),
    submit,
    error,
  );
  const signIn = h('button', { type: 'button', class: 'link' }, 'I already have an account');
  const holder = h('div', {}, form, h('p', {}, signIn));
  onSubmit(form, { submit, error }, async () => {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    await api.signupWithInvite(token, {
      email: email.value,
      password: password.value,
      ...(name.value.trim() ? { name: name.value.trim() } : {}),
      timezone: tz,
    });
    // Signed in now, and the link is used: the form gives way to what happens next.
    holder.replaceChildren(accepted(who(invite)));
  });
  signIn.addEventListener('click', () =>
    holder.replaceChildren(
      authPage(rerender, {
        intro: 'Sign in with your runner account to accept.',
        runnerOnly: true,
      }),
    ),
  );
  return [holder];
}

export async function invitePage(
  token: string,
  me: Me | undefined,
  rerender: () => Promise<void>,
): Promise<Node[]> {
  let invite: InviteView;
  try {
    invite = await api.invite(token);
  } catch (err) {
    return [
      card(
        h(
          'p',
          { class: 'error', id: 'invite-gone' },
          `This invite cannot be used: ${errorText(err)}`,
        ),
      ),
    ];
  }
  const intro = h(
    'p',
    { id: 'invite-intro' },
    h('strong', {}, who(invite)),
    ' invites you to share your Hipcheck data: today’s decision, load and risk numbers, check-ins and your progression. Your notes and the details of each run stay private unless you choose to share them. You can revoke access at any time in Settings.',
  );
  const until = h('p', { class: 'muted small' }, `Valid until ${formatMoment(invite.expiresAt)}.`);
  if (!me) return [card(intro, until, ...newcomerForm(token, invite, rerender))];
  if (!me.athlete)
    return [
      card(
        intro,
        h('p', {}, 'Invites are for runners: sign in with your runner account to accept.'),
      ),
    ];
  const error = h('p', { class: 'error', role: 'alert' });
  const status = h('div', {});
  const accept = h(
    'button',
    { type: 'button', class: 'primary', id: 'accept-invite' },
    `Share my data with ${invite.coachName ?? invite.coachEmail}`,
  );
  accept.addEventListener('click', async () => {
    error.textContent = '';
    try {
      await api.acceptInvite(token);
      accept.hidden = true;
      status.replaceChildren(accepted(who(invite)));
    } catch (err) {
      error.textContent = errorText(err);
    }
  });
  return [card(intro, until, accept, status, error)];
}
