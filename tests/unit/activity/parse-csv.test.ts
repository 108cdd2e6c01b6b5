// RFC 4180 CSV (parse-csv.ts), as a Strava export's activities.csv is written: each case is the
// text and the rows the RFC gives it.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/activity/parse-csv.ts';
import { badInputOf } from '../../support/bad-input.ts';

describe('parseCsv()', () => {
  it.each([
    [
      'plain fields, a trailing line break ignored',
      'a,b\nc,d\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'no line break at the end',
      'a,b\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'CRLF line breaks',
      'a,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['a lone CR as a line break', 'a\rb', [['a'], ['b']]],
    ['empty fields', ',a,,\n', [['', 'a', '', '']]],
    ['an empty last field with no line break after it', 'a,', [['a', '']]],
    ['an empty line', 'a\n\nb', [['a'], [''], ['b']]],
    ['a quoted comma', '"Zürich, Seefeld",5', [['Zürich, Seefeld', '5']]],
    ['a doubled quote inside quotes', '"say ""hi""",x', [['say "hi"', 'x']]],
    ['a quoted line break', '"two\nlines",x\ny', [['two\nlines', 'x'], ['y']]],
    ['a quoted CRLF', '"a\r\nb"\r\nc', [['a\r\nb'], ['c']]],
    ['a quoted empty field', '"",x', [['', 'x']]],
    ['a quote inside an unquoted field, kept as text', 'a"b,c', [['a"b', 'c']]],
    ['a byte-order mark before the first field', '\ufeffid,name', [['id', 'name']]],
    ['nothing', '', []],
  ])('%s', (_name, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('names the row of a quoted field that is never closed', () => {
    const err = badInputOf(() => parseCsv('id,name\n1,ok\n2,"Morning run\n'));
    expect(err.reason).toBe('csv_malformed');
    expect(err.message).toBe('row 3: a quoted field is never closed');
  });
});
