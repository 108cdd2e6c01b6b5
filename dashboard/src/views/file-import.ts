// Upload files: drop activity files or an export ZIP (Strava, Apple Health, Garmin Connect, or any
// ZIP of activity files), watch the upload, then each file's result as the workers finish it —
// with what a recovered file lost ("the file ends early at 10:42") and a link to what it became.
import { api, type ImportBatch, type UploadRow, type UploadStatus } from '../api.ts';
import { errorText, h, sleep } from '../dom.ts';

const STATUS_WORD: Record<UploadStatus, string> = {
  queued: 'Waiting',
  processing: 'Reading',
  done: 'Imported',
  duplicate: 'Already imported (duplicate)',
  failed: 'Failed',
};

const EXPORT_WORD: Record<string, string> = {
  strava: 'Strava export',
  apple_health: 'Apple Health export',
  garmin: 'Garmin Connect export',
  activity_files: 'ZIP of activity files',
};

const isFinished = (s: UploadStatus) => s === 'done' || s === 'duplicate' || s === 'failed';

function activityLinks(ids: readonly string[]): HTMLElement | null {
  if (ids.length === 0) return null;
  if (ids.length === 1) {
    return h('a', { class: 'result-link', href: `/activities/${ids[0]}` }, 'View activity');
  }
  return h(
    'span',
    { class: 'result-link' },
    `${ids.length} activities: `,
    ...ids.flatMap((id, i) => [
      i > 0 ? ', ' : '',
      h('a', { href: `/activities/${id}` }, String(i + 1)),
    ]),
  );
}

/**
 * The reason a file failed, said once: the messages of the readers start with the file's path
 * (sometimes twice, 'activities/1005.fit: activities/1005.fit: …'), which the line already names.
 */
function reasonOnce(filename: string, message: string): string {
  const base = filename.slice(filename.lastIndexOf('/') + 1);
  let out = message.trim();
  for (;;) {
    const next = [filename, base]
      .filter((p) => p !== '' && out.startsWith(`${p}:`))
      .map((p) => out.slice(p.length + 1).trim())[0];
    if (next === undefined || next === '') return out;
    out = next;
  }
}

function resultItem(u: UploadRow, within?: string): HTMLLIElement {
  const warnings = u.warnings ?? [];
  // An export's file goes by its activity's name (activities.csv), its path kept as a tooltip.
  const named = u.name ?? null;
  return h(
    'li',
    { class: `status-${u.status}`, 'data-upload-id': u.id },
    named
      ? h('span', { class: 'file', title: u.filename }, named)
      : h('span', { class: 'file' }, within ? `${within} › ${u.filename}` : u.filename),
    h(
      'span',
      { class: 'result' },
      STATUS_WORD[u.status],
      u.status === 'failed' && u.error ? `: ${reasonOnce(u.filename, u.error.message)}` : '',
    ),
    u.status === 'done' || u.status === 'duplicate' ? activityLinks(u.activityIds ?? []) : null,
    warnings.length
      ? h(
          'ul',
          { class: 'file-warnings' },
          ...warnings.map((w) => h('li', { 'data-code': w.code }, `Warning: ${w.message}`)),
        )
      : null,
  );
}

function batchHeading(b: ImportBatch): HTMLElement {
  const kind = b.kind ? (EXPORT_WORD[b.kind] ?? b.kind) : 'export';
  const text =
    b.state === 'reading'
      ? `Reading the ${b.kind ? kind : 'ZIP'}… ${b.total ? `${b.total} found so far` : ''}`
      : b.state === 'failed'
        ? `Not read: ${b.error?.message ?? 'the ZIP could not be read'}`
        : `${kind}: ${b.total} ${b.total === 1 ? 'item' : 'items'}${b.wellnessDays ? `, ${b.wellnessDays} days of resting heart rate and HRV` : ''}`;
  return h(
    'p',
    { class: `batch batch-${b.state}`, 'data-batch-id': b.id },
    h('span', { class: 'file' }, b.filename),
    h('span', { class: 'result' }, text),
    b.warnings.length ? h('p', { class: 'muted small' }, b.warnings.join(' · ')) : null,
  );
}

export function fileImportCard(): HTMLElement {
  const input = h('input', {
    type: 'file',
    id: 'file-input',
    name: 'file',
    multiple: true,
    accept: '.gpx,.tcx,.fit,.gz,.zip',
  });
  const progress = h('progress', {
    id: 'upload-progress',
    max: 1,
    value: 0,
    'aria-label': 'Import progress',
  });
  const progressText = h('p', { class: 'muted', id: 'upload-progress-text', role: 'status' });
  const progressBox = h('div', { class: 'progress', hidden: true }, progress, progressText);
  const results = h('ul', { id: 'upload-results', class: 'results' });
  // One line per export ZIP: what it is, and how far reading it has come.
  const exportsBox = h('div', { id: 'upload-exports' });
  const error = h('p', { class: 'error', role: 'alert' });
  const done = h(
    'p',
    { id: 'upload-done', hidden: true },
    'Import finished. ',
    h('a', { href: '/' }, 'See your dashboard'),
    ' (your numbers update within a few seconds).',
  );

  const setProgress = (fraction: number | undefined, text: string) => {
    progressBox.hidden = false;
    // No value: an indeterminate bar, while an export is still being read.
    if (fraction === undefined) progress.removeAttribute('value');
    else progress.value = fraction;
    progressText.textContent = text;
  };

  async function importFiles(files: File[]): Promise<void> {
    if (!files.length) return;
    error.textContent = '';
    done.hidden = true;
    results.replaceChildren();
    exportsBox.replaceChildren();
    try {
      const res = await api.upload(files, (f) =>
        setProgress(f * 0.3, `Uploading… ${Math.round(f * 100)} %`),
      );
      const singles = res.uploads.filter((u) => u.kind !== 'export');
      const singleIds = new Set(singles.map((u) => u.id));
      const state = new Map<string, UploadRow>(singles.map((u) => [u.id, u]));
      const items = new Map<string, HTMLLIElement>();
      // Each export's files stay together, in the export's order, after its last shown file.
      const lastOfBatch = new Map<string, HTMLLIElement>();
      const show = (u: UploadRow, batch?: { id: string; filename: string }) => {
        const li = resultItem(u, batch?.filename);
        const old = items.get(u.id);
        const after = batch === undefined ? undefined : lastOfBatch.get(batch.id);
        if (old) old.replaceWith(li);
        else if (after) after.after(li);
        else results.append(li);
        items.set(u.id, li);
        if (batch !== undefined && (!old || after === old)) lastOfBatch.set(batch.id, li);
      };
      singles.forEach((u) => show(u));
      const batches = new Map<string, ImportBatch | undefined>(
        res.batches.map((b) => [b.id, undefined]),
      );
      const headings = new Map<string, HTMLElement>();
      const report = (): boolean => {
        const reading = [...batches.values()].some((b) => b === undefined || b.state === 'reading');
        const all = [...state.values()];
        const finished = all.filter((u) => isFinished(u.status)).length;
        const text = `${finished} of ${all.length} files processed${reading ? '; reading the export…' : ''}`;
        setProgress(reading ? undefined : 0.3 + (0.7 * finished) / Math.max(1, all.length), text);
        return !reading && finished === all.length;
      };
      report();
      for (let round = 0; round < 3600; round++) {
        for (const [id, old] of batches) {
          if (old && old.state !== 'reading' && old.finished === old.total) continue;
          const b = await api.importBatch(id);
          batches.set(id, b);
          const heading = batchHeading(b);
          const before = headings.get(id);
          if (before) before.replaceWith(heading);
          else exportsBox.append(heading);
          headings.set(id, heading);
          for (const f of b.files) {
            const known = state.get(f.id);
            if (!known || known.status !== f.status || !items.has(f.id)) show(f, b);
            state.set(f.id, f);
          }
        }
        for (const [id, u] of state) {
          if (isFinished(u.status) || !singleIds.has(id)) continue;
          const now = await api.uploadStatus(id);
          if (now.status !== u.status) show(now);
          state.set(id, now);
        }
        if (report()) break;
        await sleep(round < 10 ? 300 : 1000);
      }
      done.hidden = false;
      input.value = '';
    } catch (err) {
      error.textContent = errorText(err);
    }
  }

  const zone = h(
    'div',
    { class: 'dropzone', id: 'dropzone' },
    h(
      'p',
      { class: 'drop-title' },
      'Drop GPX, TCX or FIT files (also .gz), or an export ZIP, here',
    ),
    h('label', { class: 'file-label' }, 'or choose files: ', input),
  );
  zone.addEventListener('dragover', (ev) => {
    ev.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (ev) => {
    ev.preventDefault();
    zone.classList.remove('over');
    void importFiles([...(ev.dataTransfer?.files ?? [])]);
  });
  input.addEventListener('change', () => void importFiles([...(input.files ?? [])]));
  return h(
    'section',
    { class: 'card', id: 'upload' },
    h('h2', {}, 'Upload files'),
    h(
      'p',
      { class: 'muted' },
      'Drop an export ZIP whole, as it was downloaded: from Strava (Settings → My Account → Download or delete your account), Apple Health (the Health app → your picture → Export All Health Data), Garmin Connect (Account → Data Management → Export Your Data), or any ZIP of activity files. Every activity in it is imported and duplicates are skipped; Apple Health’s resting heart rate and HRV appear on your trends.',
    ),
    zone,
    progressBox,
    error,
    exportsBox,
    results,
    done,
  );
}
