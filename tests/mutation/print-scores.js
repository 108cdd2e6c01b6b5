// After `stryker run`: the mutation score of each folder that was mutated, and every mutant that
// survived in the rules that must have none (red flags, pain zones, spike bands, the ACWR guard).
// Reads Stryker's JSON report (.tmp/stryker/mutation.json). Score = killed or timed out / all
// mutants that ran or had no test (Stryker's definition).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const report = JSON.parse(readFileSync(join(root, '.tmp/stryker/mutation.json'), 'utf8'));

const FOLDERS = ['shared/engine/', 'shared/activity/'];
// The rules where a surviving mutant is a finding, not a statistic (docs/engine.md lists the
// equivalent ones).
const STRICT = [
  /shared\/engine\/detect-red-flags\.ts$/,
  /shared\/engine\/red-flag-hold\.ts$/,
  /shared\/engine\/pain-model\.ts$/,
  /shared\/engine\/compute-spike\.ts$/,
  /shared\/engine\/compute-acwr\.ts$/,
];

const DETECTED = new Set(['Killed', 'Timeout']);
const VALID = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);
const tally = new Map(FOLDERS.map((f) => [f, { detected: 0, valid: 0 }]));
const strictSurvivors = [];
for (const [path, file] of Object.entries(report.files)) {
  const rel = path.replace(/\\/g, '/').replace(/^.*?(shared\/)/, '$1');
  const folder = FOLDERS.find((f) => rel.startsWith(f));
  for (const m of file.mutants) {
    if (!VALID.has(m.status)) continue;
    if (folder) {
      const t = tally.get(folder);
      t.valid++;
      if (DETECTED.has(m.status)) t.detected++;
    }
    if (!DETECTED.has(m.status) && STRICT.some((re) => re.test(rel))) {
      const { line, column } = m.location.start;
      strictSurvivors.push(`${rel}:${line}:${column} ${m.mutatorName} → ${m.replacement ?? ''}`);
    }
  }
}
for (const [folder, t] of tally) {
  const pct = t.valid === 0 ? 0 : (100 * t.detected) / t.valid;
  console.log(`${folder}: ${pct.toFixed(2)} % of ${t.valid} mutants killed (${t.detected})`);
}
console.log(
  strictSurvivors.length === 0
    ? 'red flags, pain zones, spike bands, ACWR guard: no surviving mutant'
    : `surviving mutants in the strict rules:\n  ${strictSurvivors.join('\n  ')}`,
);
