// Import: drop files or a Strava export ZIP (upload progress, then each file's result), or connect
// Strava and watch the backfill (views/strava-import-card.ts).
import { api, type UploadRow, type UploadStatus } from '../api.ts';
import { errorText, h, sleep } from '../dom.ts';
import { stravaImportCard } from '../views/strava-import-card.ts';

const STATUS_WORD: Record<UploadStatus, string> = {
  queued: 'Waiting',
  processing: 'Reading',
  done: 'Imported',
  duplicate: 'Already imported (duplicate)',
  failed: 'Failed',
};

const isFinished = (s: UploadStatus) => s === 'done' || s === 'duplicate' || s === 'failed';

function resultItem(u: UploadRow): HTMLLIElement {
  return h(
    'li',
    { class: `status-${u.status}`, 'data-upload-id': u.id },
    h('span', { class: 'file' }, u.filename),
    h(
      'span',
      { class: 'result' },
      STATUS_WORD[u.status],
      u.status === 'failed' && u.error ? `: ${u.error.message}` : '',
    ),
  );
}

function uploadCard(): HTMLElement {
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
  const error = h('p', { class: 'error', role: 'alert' });
  const done = h(
    'p',
    { id: 'upload-done', hidden: true },
    'Import finished. ',
    h('a', { href: '/' }, 'See your dashboard'),
    ' (your numbers update within a few seconds).',
  );

  const setProgress = (fraction: number, text: string) => {
    progressBox.hidden = false;
    progress.value = fraction;
    progressText.textContent = text;
  };

  async function importFiles(files: File[]): Promise<void> {
    if (!files.length) return;
    error.textContent = '';
    done.hidden = true;
    results.replaceChildren();
    try {
      const res = await api.upload(files, (f) =>
        setProgress(f * 0.3, `Uploading… ${Math.round(f * 100)} %`),
      );
      const items = new Map<string, HTMLLIElement>();
      const show = (u: UploadRow) => {
        const li = resultItem(u);
        const old = items.get(u.id);
        if (old) old.replaceWith(li);
        else results.append(li);
        items.set(u.id, li);
      };
      res.uploads.forEach(show);
      const state = new Map(res.uploads.map((u) => [u.id, u.status]));
      const report = () => {
        const total = state.size;
        const finished = [...state.values()].filter(isFinished).length;
        setProgress(
          0.3 + (0.7 * finished) / Math.max(1, total),
          `${finished} of ${total} files processed`,
        );
        return finished === total;
      };
      report();
      const inBatch = new Set<string>();
      for (let round = 0; round < 600; round++) {
        for (const b of res.batches) {
          const batch = await api.importBatch(b.id);
          for (const f of batch.files) {
            inBatch.add(f.id);
            if (state.get(f.id) !== f.status || !items.has(f.id)) show(f);
            state.set(f.id, f.status);
          }
        }
        for (const [id, status] of state) {
          if (inBatch.has(id) || isFinished(status)) continue;
          const u = await api.uploadStatus(id);
          if (u.status !== status) show(u);
          state.set(id, u.status);
        }
        if (report()) break;
        await sleep(round < 10 ? 300 : 1000);
      }
      const warnings = res.batches.flatMap((b) => b.warnings);
      if (warnings.length) results.after(h('p', { class: 'muted small' }, warnings.join(' · ')));
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
      'Drop GPX, TCX or FIT files (also .gz), or your Strava export ZIP, here',
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
      'A Strava bulk export (Settings → My Account → Download or delete your account) is a ZIP: drop it whole; every activity in it is imported, duplicates are skipped.',
    ),
    zone,
    progressBox,
    error,
    results,
    done,
  );
}

export function importPage(): Node[] {
  return [h('h1', {}, 'Import your runs'), uploadCard(), stravaImportCard()];
}
