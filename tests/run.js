// `npm test`: the whole suite (unit, integration, browser) through vitest, then one closing line
// "N passed, N failed, N skipped" read from vitest's JSON report. Exits non-zero on any failure,
// and also when no test ran at all. Extra arguments go to vitest (e.g. a folder to run).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = join(root, '.tmp');
// One report per run, so that a run started by a test does not touch the outer run's report.
const report = join(reportDir, `vitest-report-${process.pid}.json`);
mkdirSync(reportDir, { recursive: true });
rmSync(report, { force: true });

const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(
  process.execPath,
  [
    vitest,
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', env: process.env },
);

let passed = 0;
let failed = 1;
let skipped = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  // A failed test counts once; a file that failed without any failed test (an import error, a
  // failing beforeAll) counts as one failure more.
  const brokenFiles = (json.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  failed = (json.numFailedTests ?? 0) + brokenFiles;
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  rmSync(report, { force: true });
} else {
  console.error('vitest wrote no report: the run did not complete');
}
const code = result.status ?? 1;
if (passed === 0 && failed === 0) console.error('no test ran');
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(code !== 0 || failed > 0 || passed === 0 ? 1 : 0);
