// Bytes to text for XML (xml-decoder.ts), as the XML 1.0 spec's appendix F detects an encoding: a
// byte-order mark first, then the declaration's encoding, else UTF-8; and fed in chunks of any size.
import { describe, expect, it } from 'vitest';
import { createXmlDecoder } from '../../../shared/activity/xml-decoder.ts';
import { badInputOf } from '../../support/bad-input.ts';

const ascii = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

/** Decode `bytes` in chunks of `size`, the last one final. */
function decode(bytes: Uint8Array, size = bytes.length): string {
  const d = createXmlDecoder();
  let out = '';
  for (let i = 0; i < bytes.length; i += size) {
    out += d.decode(bytes.subarray(i, i + size), i + size >= bytes.length);
  }
  return out;
}

describe('createXmlDecoder()', () => {
  it.each([1, 2, 5, 1000])('reads UTF-8 with a byte-order mark, in chunks of %i', (size) => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<r>ü</r>')]);
    expect(decode(bytes, size)).toBe('<r>ü</r>');
  });

  it('reads UTF-16 by its byte-order mark, either byte order', () => {
    const text = '<r>ü</r>';
    const le = [0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0), 0])];
    const be = [0xfe, 0xff, ...[...text].flatMap((c) => [0, c.charCodeAt(0)])];
    expect(decode(Uint8Array.from(le))).toBe(text);
    expect(decode(Uint8Array.from(be))).toBe(text);
  });

  it.each([
    ['ISO-8859-1', 0xfc, 'ü'],
    ['windows-1252', 0x80, '€'],
  ])('reads a document declared %s, whatever the quotes and spaces', (label, byte, char) => {
    for (const decl of [
      `<?xml version="1.0" encoding="${label}"?>`,
      `<?xml version='1.0' encoding = '${label}' ?>`,
    ]) {
      const bytes = Uint8Array.from([...ascii(`${decl}<r>`), byte, ...ascii('</r>')]);
      expect(decode(bytes, 3)).toBe(`${decl}<r>${char}</r>`);
    }
  });

  it('reads UTF-8 when nothing says otherwise, or the declaration names no encoding', () => {
    const utf8 = new TextEncoder().encode('<?xml version="1.0"?><r>ü</r>');
    expect(decode(utf8, 4)).toBe('<?xml version="1.0"?><r>ü</r>');
    expect(decode(new TextEncoder().encode('<r>ü</r>'), 1)).toBe('<r>ü</r>');
  });

  it('looks for the encoding inside the declaration only', () => {
    const head = ascii('<?xml version="1.0"?><r encoding="ISO-8859-1">');
    // Read as UTF-8: a lone 0xE9 byte (é in ISO-8859-1) is no character there.
    const decoded = decode(Uint8Array.from([...head, 0xe9, ...ascii('</r>')]));
    expect(decoded).toContain('\ufffd');
  });

  it('holds bytes back until it can tell the encoding, then gives all of them', () => {
    const d = createXmlDecoder();
    expect(d.decode(ascii('<?xml version="1.0" encoding="ISO'), false)).toBe('');
    expect(d.decode(ascii('-8859-1"?><r>'), false)).toBe(
      '<?xml version="1.0" encoding="ISO-8859-1"?><r>',
    );
    // Without a declaration, a "<" and a name are enough.
    const plain = createXmlDecoder();
    expect(plain.decode(ascii('<'), false)).toBe('');
    expect(plain.decode(ascii('r>'), false)).toBe('<r>');
  });

  it('refuses an encoding it cannot read, telling the runner what to do', () => {
    const err = badInputOf(() => decode(ascii('<?xml version="1.0" encoding="x-klingon"?><r/>')));
    expect(err.reason).toBe('xml_encoding');
    expect(err.message).toBe(
      'unsupported encoding "x-klingon" in the XML declaration: save the file as UTF-8',
    );
  });
});
