// Bytes → text for XML: honours a UTF-8 or UTF-16 byte-order mark, else the encoding named in the
// XML declaration (ISO-8859-1, windows-1252, ...), else UTF-8. Works on chunks of any size.
import { BadInputError } from '../errors.ts';

export interface XmlDecoder {
  /** Text decoded so far from `chunk`; may hold bytes back until the encoding is known. */
  decode(chunk: Uint8Array, final: boolean): string;
}

/** Bytes needed to read an XML declaration, which must come first in the document. */
const SNIFF_BYTES = 512;

function labelOf(head: Uint8Array): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  // The declaration is ASCII in every ASCII-compatible encoding, so latin1 reads it safely.
  const text = new TextDecoder('latin1').decode(head);
  if (!text.startsWith('<?xml')) return 'utf-8';
  const end = text.indexOf('?>');
  const decl = end === -1 ? text : text.slice(0, end);
  const m = /encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(decl);
  return m?.[1] ?? 'utf-8';
}

export function createXmlDecoder(): XmlDecoder {
  let decoder: TextDecoder | undefined;
  let pending: Uint8Array | undefined;
  return {
    decode(chunk: Uint8Array, final: boolean): string {
      if (decoder === undefined) {
        const head = pending === undefined ? chunk : concat(pending, chunk);
        if (head.length < SNIFF_BYTES && !final && !hasDeclEnd(head)) {
          pending = head;
          return '';
        }
        pending = undefined;
        const label = labelOf(head);
        try {
          decoder = new TextDecoder(label);
        } catch {
          throw new BadInputError(
            'xml_encoding',
            `unsupported encoding "${label}" in the XML declaration: save the file as UTF-8`,
          );
        }
        return decoder.decode(head, { stream: !final });
      }
      return decoder.decode(chunk, { stream: !final });
    },
  };
}

function hasDeclEnd(head: Uint8Array): boolean {
  // '?' '>' ends the declaration; a document without one starts with '<' followed by a name.
  for (let i = 1; i < head.length; i++) if (head[i] === 0x3e && head[i - 1] === 0x3f) return true;
  return head.length >= 2 && head[0] === 0x3c && head[1] !== 0x3f;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
