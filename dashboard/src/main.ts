// The dashboard: sign up or sign in, upload activity files, see runs and weekly volume.
import { api, ApiError, type Me, type UploadRow } from './api.ts';
import { h } from './dom.ts';
import { formatDistance, formatDuration, formatPace, type Units } from './format.ts';
import { weeklyVolumeChart } from './weekly-volume-chart.ts';

const app = document.getElementById('app') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;

function message(err: unknown): string {
  return err instanceof ApiError || err instanceof Error ? err.message : String(err);
}

function authView(): HTMLElement {
  let mode: 'signup' | 'login' = 'signup';
  const error = h('p', { class: 'error', role: 'alert' });
  const email = h('input', { type: 'email', name: 'email', required: true, autocomplete: 'email' });
  const password = h('input', {
    type: 'password',
    name: 'password',
    required: true,
    minlength: '8',
    autocomplete: 'new-password',
  });
  const role = h(
    'select',
    { name: 'role' },
    h('option', { value: 'runner' }, 'Runner'),
    h('option', { value: 'coach' }, 'Coach'),
  );
  const roleLabel = h('label', {}, 'I am a', role);
  const submit = h('button', { type: 'submit' }, 'Create account');
  const title = h('h2', {}, 'Create your account');
  const toggle = h('button', { type: 'button', class: 'link' }, 'I already have an account');
  toggle.addEventListener('click', () => {
    mode = mode === 'signup' ? 'login' : 'signup';
    title.textContent = mode === 'signup' ? 'Create your account' : 'Sign in';
    submit.textContent = mode === 'signup' ? 'Create account' : 'Sign in';
    toggle.textContent = mode === 'signup' ? 'I already have an account' : 'Create a new account';
    roleLabel.hidden = mode === 'login';
    password.autocomplete = mode === 'signup' ? 'new-password' : 'current-password';
  });
  const form = h(
    'form',
    {},
    h('label', {}, 'Email', email),
    h('label', {}, 'Password (8 characters or more)', password),
    roleLabel,
    submit,
    error,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    try {
      if (mode === 'signup') {
        const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
        await api.signup(email.value, password.value, role.value as 'runner' | 'coach', tz);
      } else {
        await api.login(email.value, password.value);
      }
      await render();
    } catch (err) {
      error.textContent = message(err);
    }
  });
  return h('section', { class: 'card', id: 'auth' }, title, form, toggle);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function waitForUpload(id: string, onStatus: (u: UploadRow) => void): Promise<UploadRow> {
  for (let i = 0; i < 240; i++) {
    const u = await api.uploadStatus(id);
    onStatus(u);
    if (u.status !== 'queued' && u.status !== 'processing') return u;
    await sleep(i < 10 ? 300 : 1000);
  }
  throw new Error('the upload is taking long; its status will update when you reload');
}

function uploadView(onDone: () => void): HTMLElement {
  const input = h('input', {
    type: 'file',
    name: 'file',
    multiple: true,
    accept: '.gpx,.tcx,.fit,.gz,.zip',
  });
  const results = h('ul', { id: 'upload-results' });
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', {}, input, h('button', { type: 'submit' }, 'Upload'), error, results);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    const files = [...(input.files ?? [])];
    if (files.length === 0) {
      error.textContent = 'choose one or more GPX, TCX or FIT files first';
      return;
    }
    try {
      const { uploads } = await api.upload(files);
      await Promise.all(
        uploads.map(async (u) => {
          const li = h('li', {}, `${u.filename}: ${u.status}`);
          results.append(li);
          const final = await waitForUpload(u.id, (s) => {
            li.textContent = `${s.filename}: ${s.status}${s.error ? ` — ${s.error.message}` : ''}`;
            li.className = `status-${s.status}`;
          });
          return final;
        }),
      );
      input.value = '';
      onDone();
    } catch (err) {
      error.textContent = message(err);
    }
  });
  return h(
    'section',
    { class: 'card', id: 'upload' },
    h('h2', {}, 'Add runs'),
    h('p', { class: 'muted' }, 'GPX, TCX or FIT files (also .gz).'),
    form,
  );
}

async function activitiesView(units: Units): Promise<HTMLElement> {
  const rows = await api.activities();
  const body = rows.length
    ? h(
        'table',
        { id: 'activities' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', {}, 'Date'),
            h('th', {}, 'Sport'),
            h('th', { class: 'num' }, 'Distance'),
            h('th', { class: 'num' }, 'Moving time'),
            h('th', { class: 'num' }, 'Pace'),
            h('th', { class: 'num' }, 'Avg HR'),
          ),
        ),
        h(
          'tbody',
          {},
          ...rows.map((a) =>
            h(
              'tr',
              { 'data-activity-id': a.id },
              h('td', {}, a.localDate),
              h('td', {}, a.sport),
              h('td', { class: 'num' }, formatDistance(a.distanceM, units)),
              h('td', { class: 'num' }, formatDuration(a.movingS)),
              h('td', { class: 'num' }, formatPace(a.distanceM, a.movingS, units)),
              h('td', { class: 'num' }, a.avgHrBpm ? `${Math.round(a.avgHrBpm)} bpm` : '–'),
            ),
          ),
        ),
      )
    : h('p', { class: 'muted', id: 'activities-empty' }, 'No runs yet: upload a file above.');
  return h('section', { class: 'card' }, h('h2', {}, 'Runs'), body);
}

async function weeklyView(units: Units): Promise<HTMLElement> {
  const rows = await api.weekly();
  const chart = rows.length
    ? weeklyVolumeChart(rows, units)
    : h('p', { class: 'muted' }, 'Weekly volume appears after your first run.');
  return h(
    'section',
    { class: 'card chart', id: 'weekly-chart' },
    h('h2', {}, 'Weekly running distance'),
    chart,
  );
}

async function homeView(me: Me): Promise<HTMLElement[]> {
  if (!me.athlete) {
    return [
      h(
        'section',
        { class: 'card' },
        h('h2', {}, 'Coach'),
        h('p', { class: 'muted' }, 'Your roster appears here once athletes grant you access.'),
      ),
    ];
  }
  const units = me.athlete.units;
  // The upload card stays in place (with its per-file results); the data below it refreshes.
  const data = h('div', { class: 'stack', id: 'athlete-data' });
  const refresh = async () => {
    data.replaceChildren(await weeklyView(units), await activitiesView(units));
  };
  // After an import the daily metrics are recomputed by a job: wait for it, then redraw.
  const refreshWhenComputed = async () => {
    await refresh();
    for (let i = 0; i < 100; i++) {
      const now = await api.me();
      if (!now.athlete?.metricsPending) break;
      await sleep(300);
    }
    await refresh();
  };
  await refresh();
  return [uploadView(() => void refreshWhenComputed()), data];
}

async function render(): Promise<void> {
  let me: Me | undefined;
  try {
    me = await api.me();
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 401)) {
      app.replaceChildren(h('p', { class: 'error' }, message(err)));
      return;
    }
  }
  if (!me) {
    nav.replaceChildren();
    app.replaceChildren(authView());
    return;
  }
  const logout = h('button', { type: 'button', class: 'link', id: 'logout' }, 'Sign out');
  logout.addEventListener('click', async () => {
    await api.logout();
    await render();
  });
  nav.replaceChildren(h('span', { id: 'who' }, me.email), logout);
  app.replaceChildren(...(await homeView(me)));
}

void render();
