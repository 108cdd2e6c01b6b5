import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../shared/errors.ts';
import {
  createXmlTokenizer,
  type XmlHandler,
  type XmlTokenizerOptions,
} from '../../../shared/activity/xml-tokenizer.ts';
import { APPLE_HEAD } from '../../fixtures/generate-exports.ts';

type Event = ['open', string, readonly string[]] | ['close', string] | ['text', string];

function tokenize(
  input: string | Uint8Array,
  chunkBytes?: number,
  options?: XmlTokenizerOptions,
): Event[] {
  const events: Event[] = [];
  const handler: XmlHandler = {
    wantText: true,
    open: (name, attrs) => events.push(['open', name, [...attrs]]),
    close: (name) => events.push(['close', name]),
    text: (value) => {
      if (value.trim() !== '') events.push(['text', value]);
    },
  };
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const t = createXmlTokenizer(handler, options);
  const step = chunkBytes ?? bytes.length;
  for (let i = 0; i < bytes.length; i += step) t.write(bytes.subarray(i, i + step));
  t.end();
  return events;
}

/**
 * Write `input` in two pieces, split at `at` characters (ASCII input), and say which write threw
 * a BadInputError: 0 for the first, 1 for the second, 2 for end(); -1 when nothing threw.
 */
function refusedAtWrite(input: string, at: number, options?: XmlTokenizerOptions): number {
  const handler: XmlHandler = { wantText: false, open: () => {}, close: () => {}, text: () => {} };
  const t = createXmlTokenizer(handler, options);
  const bytes = new TextEncoder().encode(input);
  const steps = [() => t.write(bytes.subarray(0, at)), () => t.write(bytes.subarray(at)), t.end];
  for (const [i, step] of steps.entries()) {
    try {
      step();
    } catch (err) {
      if (err instanceof BadInputError) return i;
      throw err;
    }
  }
  return -1;
}

function errorOf(input: string, options?: XmlTokenizerOptions): BadInputError {
  try {
    tokenize(input, undefined, options);
  } catch (err) {
    if (err instanceof BadInputError) return err;
    throw err;
  }
  throw new Error('expected a BadInputError');
}

describe('createXmlTokenizer()', () => {
  it('strips namespace prefixes from element names but keeps them on attributes', () => {
    expect(tokenize('<a:root xmlns:a="u"><a:hr>1</a:hr></a:root>')).toEqual([
      ['open', 'root', ['xmlns:a', 'u']],
      ['open', 'hr', []],
      ['text', '1'],
      ['close', 'hr'],
      ['close', 'root'],
    ]);
  });

  it('expands the five predefined entities and numeric character references, in text and attributes', () => {
    const events = tokenize('<r a="&lt;&amp;&gt;">&quot;&apos;&#65;&#x42;&#x1F3C3;</r>');
    expect(events[0]).toEqual(['open', 'r', ['a', '<&>']]);
    expect(events[1]).toEqual(['text', `"'AB🏃`]);
  });

  it('passes CDATA through verbatim', () => {
    expect(tokenize('<r><![CDATA[a < b & c]]></r>')[1]).toEqual(['text', 'a < b & c']);
  });

  it('skips comments and processing instructions, and handles ">" inside quoted attributes', () => {
    expect(tokenize('<?xml version="1.0"?><!-- <x> --><r q="a>b"/>')).toEqual([
      ['open', 'r', ['q', 'a>b']],
      ['close', 'r'],
    ]);
  });

  it('gives the same events when fed one byte at a time', () => {
    const xml =
      '<?xml version="1.0"?>\n<r>\n<p a="1" b=\'2\'>x &amp; y</p><!-- c --><![CDATA[z]]></r>';
    expect(tokenize(xml, 1)).toEqual(tokenize(xml));
  });

  it('skips a UTF-8 byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<r>é</r>')]);
    expect(tokenize(bytes)).toEqual([
      ['open', 'r', []],
      ['text', 'é'],
      ['close', 'r'],
    ]);
  });

  it('decodes a document declared ISO-8859-1 (Latin-1 bytes)', () => {
    const head = new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><r>Z');
    const tail = new TextEncoder().encode('rich</r>');
    const bytes = new Uint8Array([...head, 0xfc, ...tail]); // 0xFC is ü in Latin-1
    expect(tokenize(bytes, 3)[1]).toEqual(['text', 'Zürich']);
  });

  it('rejects any DOCTYPE at once, so a billion-laughs file costs nothing', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
      Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
      ).join('') +
      ']><gpx>&lol9;</gpx>';
    const err = errorOf(laughs);
    expect(err.reason).toBe('xml_doctype');
    expect(err.message).toMatch(/^line 1: <!DOCTYPE>/);
    // At once: the write that holds the DOCTYPE's start throws, before any entity is read.
    expect(refusedAtWrite(laughs, laughs.indexOf('<!ENTITY'))).toBe(0);
  });

  it('rejects an external-entity (XXE) document without reading anything', () => {
    const err = errorOf(
      '<?xml version="1.0"?>\n<!DOCTYPE gpx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<gpx>&xxe;</gpx>',
    );
    expect(err.reason).toBe('xml_doctype');
    expect(err.message).toMatch(/^line 2:/);
  });

  it('rejects an undeclared entity rather than expanding it', () => {
    expect(errorOf('<r>&xxe;</r>').reason).toBe('xml_entity');
  });

  it('names the line of a mismatched closing tag', () => {
    const err = errorOf('<gpx>\n<trk>\n</trkseg>\n</gpx>');
    expect(err.reason).toBe('xml_malformed');
    expect(err.message).toBe('line 3: </trkseg> where </trk> was expected');
  });

  it('reports a document cut off mid-way as truncated', () => {
    expect(errorOf('<gpx><trk><trkseg><trkpt lat="1"').reason).toBe('xml_truncated');
    expect(errorOf('<gpx><trk><trkseg>').message).toMatch(/ends inside <trkseg>/);
  });

  it('rejects an empty document', () => {
    expect(errorOf('   ').reason).toBe('xml_empty');
  });
});

describe('createXmlTokenizer({ allowDeclarationsOnlyDoctype: true }) (Apple Health)', () => {
  const allow = { allowDeclarationsOnlyDoctype: true };
  const apple = `${APPLE_HEAD}</HealthData>\n`;

  it("skips Apple's DOCTYPE with its internal DTD of element and attribute declarations", () => {
    const events = tokenize(apple, undefined, allow);
    expect(events[0]).toEqual(['open', 'HealthData', ['locale', 'en_CH']]);
    expect(events.filter((e) => e[0] === 'open').map((e) => e[1])).toEqual([
      'HealthData',
      'ExportDate',
      'Me',
    ]);
  });

  it('gives the same events when the DOCTYPE arrives one byte at a time', () => {
    expect(tokenize(apple, 1, allow)).toEqual(tokenize(apple, undefined, allow));
  });

  it('still refuses that DOCTYPE by default, as in GPX and TCX files', () => {
    expect(errorOf(apple).reason).toBe('xml_doctype');
  });

  it('refuses a billion-laughs DTD at its first entity declaration, quickly', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE HealthData [<!ELEMENT HealthData ANY><!ENTITY a "${'x'.repeat(100)}"><!ENTITY b "${'&a;'.repeat(100)}">]><HealthData>&b;</HealthData>`;
    const err = errorOf(xml, allow);
    expect(err.reason).toBe('xml_entity');
    expect(err.message).toContain('<!ENTITY> declarations are not allowed');
    // At the first declaration: the write that ends it throws; the second is never read.
    const first = xml.indexOf('<!ENTITY a');
    const firstEnd = xml.indexOf('>', first) + 1;
    expect(refusedAtWrite(xml, firstEnd, allow)).toBe(0);
  });

  it('refuses an external DTD (XXE) and an external entity', () => {
    expect(
      errorOf('<!DOCTYPE HealthData SYSTEM "file:///etc/passwd"><HealthData/>', allow).reason,
    ).toBe('xml_doctype');
    expect(
      errorOf(
        '<!DOCTYPE HealthData [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><HealthData>&xxe;</HealthData>',
        allow,
      ).reason,
    ).toBe('xml_entity');
  });

  it('refuses a parameter entity, and anything else a DTD could hold', () => {
    expect(
      errorOf('<!DOCTYPE HealthData [ %pe; <!ELEMENT HealthData ANY>]><HealthData/>', allow).reason,
    ).toBe('xml_entity');
    expect(
      errorOf('<!DOCTYPE HealthData [<!NOTATION gif SYSTEM "image/gif">]><HealthData/>', allow)
        .reason,
    ).toBe('xml_doctype');
  });

  it('refuses a second DOCTYPE, and one after the root element', () => {
    const dtd = '<!DOCTYPE HealthData [<!ELEMENT HealthData ANY>]>';
    expect(errorOf(`${dtd}${dtd}<HealthData/>`, allow).reason).toBe('xml_doctype');
    expect(errorOf(`<HealthData>${dtd}</HealthData>`, allow).reason).toBe('xml_doctype');
  });
});
