// The coach's roster: every athlete who granted access, riskiest first (the server's order), with
// today's decision and its reason, the last check-in, compliance, a 28-day sparkline; search and a
// status filter; and an invite link to share.
import { api, type RosterRow } from '../api.ts';
import { errorText, field, h } from '../dom.ts';
import { formatMoment } from '../format.ts';
import { rosterList } from '../views/roster-list.ts';
import { rosterStravaSync } from '../views/roster-strava-sync.ts';

function inviteCard(): HTMLElement {
  const out = h('div', { id: 'invite-out' });
  const error = h('p', { class: 'error', role: 'alert' });
  const create = h(
    'button',
    { type: 'button', class: 'primary', id: 'create-invite' },
    'Create an invite link',
  );
  create.addEventListener('click', async () => {
    error.textContent = '';
    try {
      const inv = await api.createInvite();
      const url = h('input', {
        type: 'text',
        readonly: true,
        value: inv.url,
        id: 'invite-url',
        class: 'wide',
      });
      const copy = h('button', { type: 'button', id: 'copy-invite' }, 'Copy link');
      const copied = h('span', { role: 'status', class: 'muted small' });
      copy.addEventListener('click', async () => {
        try {
          await navigator.clipboard.writeText(inv.url);
          copied.textContent = 'Copied.';
        } catch {
          url.select();
          copied.textContent = 'Select and copy the link (Ctrl+C).';
        }
      });
      out.replaceChildren(
        h(
          'label',
          { class: 'field' },
          h('span', {}, 'Invite link'),
          h('span', { class: 'row' }, url, copy),
        ),
        copied,
        h(
          'p',
          { class: 'muted small' },
          `Valid until ${formatMoment(inv.expiresAt)}. The athlete opens it, creates an account (or signs in) and accepts; they can revoke access at any time.`,
        ),
      );
    } catch (err) {
      error.textContent = errorText(err);
    }
  });
  return h(
    'section',
    { class: 'card', id: 'invite' },
    h('h2', {}, 'Invite an athlete'),
    create,
    error,
    out,
  );
}

type Status = 'all' | 'attention' | 'overdue' | 'replies' | 'calm';

const STATUS_LABEL: Record<Status, string> = {
  all: 'Everyone',
  attention: 'Needs attention (high, very high, red flag)',
  overdue: 'No recent check-in',
  replies: 'Unread replies',
  calm: 'No flag above caution',
};

const needsAttention = (r: RosterRow) =>
  r.action === 'see_clinician' ||
  r.worstSeverity === 'red_flag' ||
  r.worstSeverity === 'very_high' ||
  r.worstSeverity === 'high';

function matches(r: RosterRow, status: Status, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q && !`${r.name ?? ''} ${r.email}`.toLowerCase().includes(q)) return false;
  if (status === 'attention') return needsAttention(r);
  if (status === 'overdue') return r.checkInOverdue;
  if (status === 'replies') return r.unreadReplies > 0;
  if (status === 'calm') return !needsAttention(r);
  return true;
}

/** Search by name or email and filter by status; the list redraws as the coach types. */
function rosterView(rows: RosterRow[]): HTMLElement {
  if (!rows.length)
    return h('p', { class: 'muted', id: 'roster-empty' }, 'No athletes yet: send an invite link.');
  const search = h('input', {
    type: 'search',
    id: 'roster-search',
    placeholder: 'Name or email',
    autocomplete: 'off',
  });
  const status = h(
    'select',
    { id: 'roster-status' },
    ...(Object.keys(STATUS_LABEL) as Status[]).map((s) =>
      h('option', { value: s }, STATUS_LABEL[s]),
    ),
  );
  const count = h('p', { class: 'muted small', role: 'status', id: 'roster-count' });
  const list = h('div', { id: 'roster-list' });
  const draw = () => {
    const shown = rows.filter((r) => matches(r, status.value as Status, search.value));
    count.textContent = `${shown.length} of ${rows.length} athletes`;
    list.replaceChildren(
      ...(shown.length
        ? rosterList(shown)
        : [h('p', { class: 'muted' }, 'No athlete matches this search.')]),
    );
  };
  search.addEventListener('input', draw);
  status.addEventListener('change', draw);
  draw();
  return h(
    'div',
    {},
    h('div', { class: 'roster-tools' }, field('Search', search), field('Show', status)),
    count,
    list,
  );
}

export async function coachRosterPage(): Promise<Node[]> {
  let roster: Node;
  try {
    roster = rosterView(await api.roster());
  } catch (err) {
    roster = h('p', { class: 'error' }, `The roster could not load: ${errorText(err)}`);
  }
  return [
    h('h1', {}, 'Your athletes'),
    rosterStravaSync(),
    h('section', { class: 'card', id: 'roster-card' }, h('h2', {}, 'Sorted by risk'), roster),
    inviteCard(),
  ];
}
