// The activity files of a Garmin Connect export or a plain ZIP (read-export-files.ts): nested ZIPs
// one level deep, damage confined to one file, caps that stop the whole export.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  readGarminExportFiles,
  readZippedActivityFiles,
} from '../../../shared/activity/read-export-files.ts';
import { readZipDirectory } from '../../../shared/activity/zip/read-zip-directory.ts';
import { createZipBudget } from '../../../shared/activity/zip/zip-limits.ts';
import { zipSourceOfBytes } from '../../../shared/activity/zip/zip-source.ts';
import { badInputOf } from '../../support/bad-input.ts';

const FIT = strToU8('pretend FIT bytes');
const UPLOADS = 'DI_CONNECT/DI-Connect-Uploaded-Files';

function read(zip: Uint8Array, garmin: boolean, maxTotalBytes?: number) {
  const source = zipSourceOfBytes(zip);
  const budget = createZipBudget(maxTotalBytes === undefined ? {} : { maxTotalBytes });
  const entries = readZipDirectory(source, budget.limits);
  const files = garmin ? readGarminExportFiles : readZippedActivityFiles;
  return [...files(source, entries, budget)];
}

describe('readGarminExportFiles()', () => {
  it('reads the activity files inside the uploads’ ZIPs, and only there', () => {
    const uploads = zipSync({ '1.fit': FIT, 'notes.txt': strToU8('x'), deeper: { '2.FIT': FIT } });
    const zip = zipSync({
      'export_1/DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0.zip': uploads,
      'export_1/DI_CONNECT/DI-Connect-Fitness/other.fit': FIT,
    });
    expect(read(zip, true)).toEqual([
      {
        filename: 'export_1/DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0.zip/1.fit',
        bytes: FIT,
      },
      {
        filename: 'export_1/DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0.zip/deeper/2.FIT',
        bytes: FIT,
      },
    ]);
  });

  it('does not follow a ZIP inside a ZIP inside the export', () => {
    const inner = zipSync({ 'a.fit': FIT });
    const zip = zipSync({ [`${UPLOADS}/u.zip`]: zipSync({ 'inner.ZIP': inner }) });
    expect(read(zip, true)).toEqual([
      {
        filename: `${UPLOADS}/u.zip/inner.ZIP`,
        problem: {
          reason: 'zip_nested',
          message: `${UPLOADS}/u.zip/inner.ZIP: a ZIP nested this deep is not read`,
        },
      },
    ]);
  });

  it('fails only the upload ZIP that cannot be read, and reads the next', () => {
    const zip = zipSync({
      [`${UPLOADS}/bad.zip`]: strToU8('not a zip'),
      [`${UPLOADS}/good.zip`]: zipSync({ 'a.fit': FIT }),
    });
    const [bad, good] = read(zip, true);
    expect(bad).toEqual({
      filename: `${UPLOADS}/bad.zip`,
      problem: {
        reason: 'zip_corrupt',
        message: 'not a readable ZIP file (no end-of-central-directory record)',
      },
    });
    expect(good).toEqual({ filename: `${UPLOADS}/good.zip/a.fit`, bytes: FIT });
  });
});

describe('readZippedActivityFiles()', () => {
  it('reads activity files in any folder, skipping folders and other files, not following ZIPs', () => {
    const zip = zipSync({
      runs: { 'a.gpx': FIT, 'b.txt': FIT },
      'c.zip': zipSync({ 'd.fit': FIT }),
    });
    expect(read(zip, false)).toEqual([
      { filename: 'runs/a.gpx', bytes: FIT },
      {
        filename: 'c.zip',
        problem: { reason: 'zip_nested', message: 'c.zip: a ZIP nested this deep is not read' },
      },
    ]);
  });

  it('fails one damaged file and reads the rest', () => {
    const zip = zipSync({ 'a.fit': [FIT, { level: 0 }], 'b.fit': FIT }).slice();
    // "a.fit" is stored first: its data follows the 30-byte local header and the 5-byte name.
    zip[35] = (zip[35] as number) ^ 0xff;
    const [a, b] = read(zip, false);
    expect(a).toEqual({
      filename: 'a.fit',
      problem: { reason: 'zip_corrupt', message: 'a.fit fails its CRC check: the ZIP is damaged' },
    });
    expect(b).toEqual({ filename: 'b.fit', bytes: FIT });
  });

  it('stops the whole export when the ZIP expands past its cap', () => {
    const zip = zipSync({ 'a.fit': FIT, 'b.fit': FIT });
    const err = badInputOf(() => read(zip, false, FIT.length + 1));
    expect(err.reason).toBe('zip_too_large');
  });
});
