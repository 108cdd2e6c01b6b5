// /invite/:token — the runner sees which coach invites them, signs in if needed, and accepts.
import { api, type Me } from '../api.ts';
import { errorText, h } from '../dom.ts';
import { authPage } from './auth-page.ts';

export async function invitePage(
  token: string,
  me: Me | undefined,
  rerender: () => Promise<void>,
): Promise<Node[]> {
  let invite: { coachEmail: string; expiresAt: string };
  try {
    invite = await api.invite(token);
  } catch (err) {
    return [
      h(
        'section',
        { class: 'card narrow', id: 'invite-page' },
        h('h1', {}, 'Invitation'),
        h('p', { class: 'error' }, `This invite cannot be used: ${errorText(err)}`),
      ),
    ];
  }
  const intro = `${invite.coachEmail} invites you to share your Hipcheck data: today’s decision, load and risk metrics, check-ins and your progression. You can revoke access at any time in Settings.`;
  if (!me)
    return [
      authPage(rerender, {
        intro: `${intro} Create a runner account or sign in to accept.`,
        runnerOnly: true,
      }),
    ];
  if (!me.athlete)
    return [
      h(
        'section',
        { class: 'card narrow', id: 'invite-page' },
        h('h1', {}, 'Invitation'),
        h('p', {}, 'Invites are for runners: sign in with your runner account to accept.'),
      ),
    ];
  const status = h('p', { role: 'status' });
  const error = h('p', { class: 'error', role: 'alert' });
  const accept = h(
    'button',
    { type: 'button', class: 'primary', id: 'accept-invite' },
    `Share my data with ${invite.coachEmail}`,
  );
  accept.addEventListener('click', async () => {
    error.textContent = '';
    try {
      const r = await api.acceptInvite(token);
      accept.hidden = true;
      status.replaceChildren(
        `${r.coachEmail} can now see your data. `,
        h('a', { href: '/settings' }, 'Manage access'),
        ' · ',
        h('a', { href: '/' }, 'Back to today'),
      );
    } catch (err) {
      error.textContent = errorText(err);
    }
  });
  return [
    h(
      'section',
      { class: 'card narrow', id: 'invite-page' },
      h('h1', {}, 'Invitation'),
      h('p', {}, intro),
      h(
        'p',
        { class: 'muted small' },
        `Valid until ${new Date(invite.expiresAt).toLocaleString('en-GB')}.`,
      ),
      accept,
      status,
      error,
    ),
  ];
}
