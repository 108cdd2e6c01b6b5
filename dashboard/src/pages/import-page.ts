// Import: drop files or an export ZIP (views/file-import.ts: upload progress, then each file's
// result), or connect Strava and watch the backfill (views/strava-import-card.ts).
import { h } from '../dom.ts';
import { fileImportCard } from '../views/file-import.ts';
import { stravaImportCard } from '../views/strava-import-card.ts';

export function importPage(): Node[] {
  return [h('h1', {}, 'Import your runs'), fileImportCard(), stravaImportCard()];
}
