// RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks.
import { BadInputError } from '../errors.ts';

/** Rows of fields; a trailing empty line is ignored. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (c === '"' && field === '') {
      const start = i + 1;
      let j = start;
      let value = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) {
          throw new BadInputError(
            'csv_malformed',
            `row ${rows.length + 1}: a quoted field is never closed`,
          );
        }
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      field = value;
      continue;
    }
    if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += c;
    }
    i++;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
