// Import: drop files or an export ZIP (views/file-import.ts: upload progress, then each file's
// result), or connect Strava and watch the backfill.
import { api } from '../api.ts';
import { errorText, h, sleep } from '../dom.ts';
import { fileImportCard } from '../views/file-import.ts';

function stravaCard(): HTMLElement {
  const statusText = h('p', { id: 'strava-status', role: 'status' }, 'Checking Strava…');
  const error = h('p', { class: 'error', role: 'alert', id: 'strava-error' });
  const connect = h(
    'button',
    { type: 'button', class: 'strava', id: 'strava-connect' },
    'Connect with Strava',
  );
  connect.addEventListener('click', async () => {
    error.textContent = '';
    try {
      await api.stravaConnectCheck();
      window.location.assign(api.stravaConnectUrl);
    } catch (err) {
      // 503: Strava is not configured on this server; the message says what to set.
      error.textContent = errorText(err);
    }
  });
  const card = h(
    'section',
    { class: 'card', id: 'strava' },
    h('h2', {}, 'Strava'),
    h(
      'p',
      { class: 'muted' },
      'Connect once: the last 90 days are backfilled within Strava’s rate limits, then new activities arrive on their own.',
    ),
    statusText,
    connect,
    error,
  );
  void (async () => {
    // Polls while the page shows the card (the first check runs before it is attached).
    for (let i = 0; i < 720; i++) {
      try {
        const s = await api.stravaStatus();
        if (!s.connected) {
          statusText.textContent =
            s.status === 'not_connected' ? 'Not connected.' : `Not connected (${s.status}).`;
          connect.hidden = false;
          return;
        }
        connect.hidden = true;
        statusText.textContent = `Connected. ${s.backfill.progress ?? ''}${s.lastError ? ` — last error: ${s.lastError}` : ''}`;
        if (s.backfill.state === 'done') return;
      } catch (err) {
        statusText.textContent = errorText(err);
        return;
      }
      await sleep(5000);
      if (!card.isConnected) return;
    }
  })();
  return card;
}

export function importPage(): Node[] {
  const params = new URLSearchParams(location.search);
  return [
    h('h1', {}, 'Import your runs'),
    params.get('strava') === 'connected'
      ? h(
          'p',
          { class: 'banner', role: 'status' },
          'Strava is connected: your backfill has started.',
        )
      : null,
    fileImportCard(),
    stravaCard(),
  ].filter((n): n is HTMLElement => n !== null);
}
