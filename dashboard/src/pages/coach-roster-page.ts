// The coach's roster: every athlete who granted access, riskiest first (the server's order), with
// a 28-day sparkline and today's decision and flag; and an invite link to share.
import { api, type RosterRow } from '../api.ts';
import { errorText, h } from '../dom.ts';
import { ACTION_LABEL, SEVERITY_LABEL } from '../format.ts';
import { sparklineChart } from '../charts/sparkline-chart.ts';
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
          `Valid until ${new Date(inv.expiresAt).toLocaleString('en-GB')}. The athlete opens it, signs in and accepts; they can revoke access at any time.`,
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

function rosterTable(rows: RosterRow[]): HTMLElement {
  if (!rows.length)
    return h('p', { class: 'muted', id: 'roster-empty' }, 'No athletes yet: send an invite link.');
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { id: 'roster', class: 'roster' },
      h('caption', { class: 'sr-only' }, 'Athletes, riskiest first'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Athlete', 'Risk', 'Today', 'Stage', 'Last 28 days', 'Last activity'].map((c) =>
            h('th', { scope: 'col' }, c),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...rows.map((r) => {
          const sev = r.worstSeverity;
          const topFlag = r.flags[0];
          return h(
            'tr',
            { 'data-athlete-id': r.athleteId },
            h('th', { scope: 'row' }, h('a', { href: `/coach/athletes/${r.athleteId}` }, r.email)),
            h(
              'td',
              {},
              sev
                ? h(
                    'span',
                    { class: `sev sev-${sev}` },
                    h('span', { class: 'sev-word' }, SEVERITY_LABEL[sev]),
                  )
                : h('span', { class: 'muted' }, 'No flags'),
              topFlag ? h('div', { class: 'small' }, topFlag.message) : null,
            ),
            h(
              'td',
              {},
              r.action
                ? h('span', { class: `pill action-${r.action}` }, ACTION_LABEL[r.action])
                : '–',
            ),
            h(
              'td',
              {},
              r.stage === null ? '–' : `${r.stage}${r.stageName ? ` · ${r.stageName}` : ''}`,
            ),
            h('td', {}, sparklineChart(r.sparkline, 'km')),
            h(
              'td',
              {},
              r.lastActivityAt ? new Date(r.lastActivityAt).toLocaleDateString('en-GB') : '–',
            ),
          );
        }),
      ),
    ),
  );
}

export async function coachRosterPage(): Promise<Node[]> {
  let roster: Node;
  try {
    roster = rosterTable(await api.roster());
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
