// Settings: the athlete's profile (time zone, units, sex, heart rates, threshold pace, surgery
// date), their stage, the coaches with access, export, and account deletion.
import { api, athleteApi, type AthleteProfile, type Grant } from '../api.ts';
import { alertSettingsCard } from '../views/alert-settings-card.ts';
import { nameCard } from '../views/name-card.ts';
import { errorText, field, h } from '../dom.ts';
import { formatMoment } from '../format.ts';
import { navigate } from '../router.ts';
import { stageForm } from '../views/stage-form.ts';
import { stravaSettingsCard } from '../views/strava-settings-card.ts';
import type { PageContext } from './page-context.ts';

/** '4:45' → 285 s; '' → null; anything else → undefined (invalid). */
export function parsePace(text: string): number | null | undefined {
  const t = text.trim();
  if (!t) return null;
  const m = /^(\d{1,2}):([0-5]\d)$/.exec(t);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

const paceText = (s: number | null): string =>
  s === null ? '' : `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

function profileCard(a: AthleteProfile, ctx: PageContext): HTMLElement {
  const zones =
    typeof Intl.supportedValuesOf === 'function'
      ? Intl.supportedValuesOf('timeZone')
      : [a.timezone];
  const timezone = h('input', {
    name: 'timezone',
    list: 'time-zones',
    value: a.timezone,
    required: true,
    autocomplete: 'off',
  });
  const list = h('datalist', { id: 'time-zones' }, ...zones.map((z) => h('option', { value: z })));
  const units = h(
    'select',
    { name: 'units' },
    h('option', { value: 'km', selected: a.units === 'km' }, 'Kilometres (km)'),
    h('option', { value: 'mi', selected: a.units === 'mi' }, 'Miles (mi)'),
  );
  const sex = h(
    'select',
    { name: 'sex' },
    ...(['unknown', 'female', 'male'] as const).map((s) =>
      h(
        'option',
        { value: s, selected: a.sex === s },
        s === 'unknown'
          ? 'Not set (male TRIMP constants are used)'
          : s[0]?.toUpperCase() + s.slice(1),
      ),
    ),
  );
  const hrMax = h('input', {
    type: 'number',
    name: 'hrMaxBpm',
    min: 100,
    max: 240,
    value: a.hrMaxBpm ?? '',
    inputmode: 'numeric',
  });
  const hrRest = h('input', {
    type: 'number',
    name: 'hrRestBpm',
    min: 25,
    max: 120,
    value: a.hrRestBpm ?? '',
    inputmode: 'numeric',
  });
  const pace = h('input', {
    name: 'thresholdPace',
    placeholder: 'm:ss',
    value: paceText(a.thresholdPaceSPerKm),
    pattern: '\\d{1,2}:[0-5]\\d',
  });
  let storedSurgery = a.surgeryDate ?? '';
  const surgery = h('input', { type: 'date', name: 'surgeryDate', value: storedSurgery });
  const status = h('p', { role: 'status', class: 'status' });
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h(
    'form',
    { id: 'profile-form', class: 'grid-form' },
    field('Time zone', timezone, 'Your days start and end in this zone.'),
    list,
    field('Units', units),
    field('Sex (for heart-rate load, TRIMP)', sex),
    field('Maximum heart rate (bpm)', hrMax),
    field('Resting heart rate (bpm)', hrRest),
    field(
      'Threshold pace (min:sec per km)',
      pace,
      'The pace you could hold for about an hour; used for rTSS.',
    ),
    field(
      'Date of hip surgery',
      surgery,
      'Leave empty if you had none. Until about week 10 after surgery the plan holds no running.',
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Save settings'),
    ),
    status,
    error,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    status.textContent = '';
    error.textContent = '';
    const p = parsePace(pace.value);
    if (p === undefined) {
      error.textContent = 'Threshold pace: write minutes and seconds per km, e.g. 4:45';
      pace.focus();
      return;
    }
    const num = (i: HTMLInputElement) => (i.value === '' ? null : Number(i.value));
    try {
      await api.putAthlete({
        timezone: timezone.value.trim(),
        units: units.value as 'km' | 'mi',
        sex: sex.value as AthleteProfile['sex'],
        hrMaxBpm: num(hrMax),
        hrRestBpm: num(hrRest),
        thresholdPaceSPerKm: p,
        // Sent only when changed, so that saving the other fields never touches it.
        ...(surgery.value !== storedSurgery ? { surgeryDate: surgery.value || null } : {}),
      });
      storedSurgery = surgery.value;
      status.textContent = 'Saved. Your numbers are being recomputed.';
      const me = await api.me();
      ctx.me = me;
    } catch (err) {
      error.textContent = errorText(err);
    }
  });
  return h('section', { class: 'card', id: 'profile' }, h('h2', {}, 'Your profile'), form);
}

/** A runner without a coach sets their own stage here (a coach sets it on the athlete's page). */
function stageCard(): HTMLElement {
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const aapi = athleteApi();
  const draw = async () => {
    try {
      const [p, today] = await Promise.all([aapi.progression(), aapi.today()]);
      body.replaceChildren(
        h(
          'p',
          {},
          `You are at stage ${today.stage}: ${today.stageName}. Moving up happens by itself after two good sessions; set it here when your physiotherapist or your own judgement says otherwise.`,
        ),
        stageForm(aapi, p.plan, today.stage, () => undefined, {
          submitLabel: 'Set my stage',
          notePlaceholder: 'e.g. physio says I can run 20 min',
        }),
        h(
          'p',
          { class: 'small' },
          h('a', { href: '/start' }, 'Answer the starting questions again'),
        ),
      );
    } catch (err) {
      body.replaceChildren(
        h('p', { class: 'error' }, `Your stage cannot be shown: ${errorText(err)}`),
      );
    }
  };
  void draw();
  return h('section', { class: 'card', id: 'stage' }, h('h2', {}, 'Your stage'), body);
}

function grantsCard(): HTMLElement {
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const draw = async () => {
    let grants: Grant[];
    try {
      grants = await api.grants();
    } catch (err) {
      body.replaceChildren(
        h('p', { class: 'muted' }, `Coach access cannot be shown: ${errorText(err)}`),
      );
      return;
    }
    if (!grants.length) {
      body.replaceChildren(
        h(
          'p',
          { class: 'muted' },
          'No coach can see your data. A coach sends you an invite link; open it to grant access.',
        ),
      );
      return;
    }
    body.replaceChildren(
      h(
        'ul',
        { class: 'grants', id: 'grants' },
        ...grants.map((g) => {
          const share = h('input', { type: 'checkbox', checked: g.shareActivityDetails });
          share.addEventListener(
            'change',
            () =>
              void api
                .patchGrant(g.coachId, share.checked)
                .catch((err: unknown) => alert(errorText(err))),
          );
          const revoke = h('button', { type: 'button', class: 'danger' }, `Revoke ${g.coachEmail}`);
          revoke.addEventListener('click', async () => {
            if (!confirm(`Stop sharing your data with ${g.coachEmail}?`)) return;
            await api.revokeGrant(g.coachId).catch((err: unknown) => alert(errorText(err)));
            await draw();
          });
          return h(
            'li',
            {},
            h('strong', {}, g.coachEmail),
            h('span', { class: 'muted small' }, ` since ${formatMoment(g.grantedAt, 'day')}`),
            h(
              'label',
              { class: 'check' },
              share,
              h(
                'span',
                {},
                'Share activity details (streams, laps); load and risk are always shared',
              ),
            ),
            alertsBox(g),
            revoke,
          );
        }),
      ),
    );
  };
  void draw();
  return h('section', { class: 'card', id: 'coaches' }, h('h2', {}, 'Coaches with access'), body);
}

function accountCard(): HTMLElement {
  const password = h('input', {
    type: 'password',
    name: 'password',
    required: true,
    autocomplete: 'current-password',
  });
  const confirmBox = h('input', { type: 'checkbox', name: 'confirm', required: true });
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h(
    'form',
    { id: 'delete-form' },
    h(
      'p',
      {},
      'Deleting your account removes every activity, file, check-in and metric. It cannot be undone: export first if you want a copy.',
    ),
    field('Your password', password),
    h(
      'label',
      { class: 'check' },
      confirmBox,
      h('span', {}, 'Yes, delete my account and all my data'),
    ),
    h('button', { type: 'submit', class: 'danger' }, 'Delete my account'),
    error,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    try {
      await api.deleteAccount(password.value);
      navigate('/', { replace: true });
    } catch (err) {
      error.textContent = errorText(err);
    }
  });
  return h(
    'section',
    { class: 'card', id: 'account' },
    h('h2', {}, 'Your data'),
    h(
      'p',
      {},
      h(
        'a',
        {
          href: api.exportUrl,
          download: 'hipcheck-export.zip',
          class: 'button',
          id: 'export-link',
        },
        'Export all my data',
      ),
      ' ',
      h('span', { class: 'muted small' }, 'A ZIP with your data as JSON and your original files.'),
    ),
    h('h3', {}, 'Delete my account'),
    form,
  );
}

/** A card drawn once its data has loaded (an empty placeholder until then). */
function loadingCard(card: Promise<HTMLElement>): HTMLElement {
  const slot = h('div', {});
  void card.then(
    (c) => slot.replaceChildren(c),
    (err: unknown) => slot.replaceChildren(h('p', { class: 'error' }, errorText(err))),
  );
  return slot;
}

/** Whether the coach gets alerts about the runner (red flags, spikes, missed check-ins). */
function alertsBox(g: Grant): HTMLElement {
  const box = h('input', { type: 'checkbox', checked: g.alerts, name: 'alerts' });
  box.addEventListener(
    'change',
    () =>
      void api
        .setGrantAlerts(g.coachId, box.checked)
        .catch((err: unknown) => alert(errorText(err))),
  );
  return h(
    'label',
    { class: 'check' },
    box,
    h(
      'span',
      {},
      `Alert ${g.coachEmail} when I have a red flag, a very high spike or miss check-ins`,
    ),
  );
}

export function settingsPage(ctx: PageContext): Node[] {
  const a = ctx.me.athlete;
  return [
    h('h1', {}, 'Settings'),
    nameCard(ctx.me),
    ...(a
      ? [profileCard(a, ctx), stageCard(), grantsCard(), stravaSettingsCard(), accountCard()]
      : [
          loadingCard(alertSettingsCard()),
          h('section', { class: 'card' }, h('p', {}, 'Coach accounts have no athlete profile.')),
        ]),
  ];
}
