// A small, fast, streaming XML tokenizer for activity files. It is safe by construction: there is
// no DTD support at all, so any <!DOCTYPE> or <!ENTITY> is rejected at once (no billion laughs, no
// external entities), and only the five predefined entities and numeric character references are
// expanded. (One opt-in exception: a DOCTYPE that declares only elements and attributes, see
// xml-doctype.ts.) Element names reach the handler without their namespace prefix ("gpxtpx:hr" → "hr").
import { BadInputError } from '../errors.ts';
import { createXmlDecoder } from './xml-decoder.ts';
import { scanDoctype } from './xml-doctype.ts';

export interface XmlHandler {
  /** Read before each run of text: while false, text is skipped without being copied. */
  wantText: boolean;
  /** `attrs` alternates qualified names and decoded values: [name0, value0, name1, value1, ...]. */
  open(localName: string, attrs: readonly string[], selfClosing: boolean): void;
  close(localName: string): void;
  text(value: string): void;
}

export interface XmlTokenizer {
  write(chunk: Uint8Array): void;
  end(): void;
  /** 1-based line of the token being handled, for error messages. */
  line(): number;
}

export interface XmlTokenizerOptions {
  /** Longest single token (tag, text run, comment) accepted, in characters. */
  maxTokenChars?: number;
  /**
   * Accept one DOCTYPE before the root whose internal subset declares elements and attributes only
   * (Apple Health's export.xml); entities and external DTDs stay refused. Default false: no DTD.
   */
  allowDeclarationsOnlyDoctype?: boolean;
}

const SLICE_BYTES = 64 * 1024;
const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const DQUOTE = 34;
const SQUOTE = 39;

/** Value of an attribute by local name ("lat" matches "lat" and "x:lat"), or undefined. */
export function attrOf(attrs: readonly string[], localName: string): string | undefined {
  for (let i = 0; i < attrs.length; i += 2) {
    const name = attrs[i] as string;
    if (name === localName || name.endsWith(':' + localName)) return attrs[i + 1];
  }
  return undefined;
}

function localOf(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

export function createXmlTokenizer(
  handler: XmlHandler,
  options: XmlTokenizerOptions = {},
): XmlTokenizer {
  const maxTokenChars = options.maxTokenChars ?? 4 * 1024 * 1024;
  const decoder = createXmlDecoder();
  const stack: string[] = [];
  let buf = '';
  let tokenStart = 0;
  let linesBefore = 0;
  let rootSeen = false;
  let rootClosed = false;
  let doctypeSeen = false;

  function line(): number {
    let n = linesBefore + 1;
    for (let i = buf.indexOf('\n'); i !== -1 && i < tokenStart; i = buf.indexOf('\n', i + 1)) n++;
    return n;
  }

  function fail(reason: string, message: string): never {
    throw new BadInputError(reason, `line ${line()}: ${message}`);
  }

  function decodeEntities(s: string): string {
    let out = '';
    let from = 0;
    for (let amp = s.indexOf('&'); amp !== -1; amp = s.indexOf('&', from)) {
      const semi = s.indexOf(';', amp + 1);
      if (semi === -1 || semi - amp > 12) fail('xml_malformed', 'a bare "&" (write it as &amp;)');
      const name = s.slice(amp + 1, semi);
      out += s.slice(from, amp) + entityValue(name);
      from = semi + 1;
    }
    return out + s.slice(from);
  }

  function entityValue(name: string): string {
    switch (name) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    if (name.charCodeAt(0) === 35 /* # */) {
      const hex = name.charCodeAt(1) === 120; /* x */
      const digits = name.slice(hex ? 2 : 1);
      const code = Number.parseInt(digits, hex ? 16 : 10);
      const valid = hex ? /^[0-9a-fA-F]+$/.test(digits) : /^[0-9]+$/.test(digits);
      if (valid && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) {
        return String.fromCodePoint(code);
      }
      fail('xml_malformed', `invalid character reference &${name};`);
    }
    return fail(
      'xml_entity',
      `unknown entity &${name}; (entity declarations are not supported, for safety)`,
    );
  }

  function parseAttrs(s: string, from: number, to: number): string[] {
    const attrs: string[] = [];
    let i = from;
    while (i < to) {
      let c = s.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      const eq = s.indexOf('=', i);
      if (eq === -1 || eq >= to) fail('xml_malformed', 'an attribute without a value');
      const name = s.slice(i, eq).trim();
      i = eq + 1;
      while (i < to && isSpace(s.charCodeAt(i))) i++;
      c = s.charCodeAt(i);
      if (c !== DQUOTE && c !== SQUOTE) fail('xml_malformed', `attribute ${name} is not quoted`);
      const close = s.indexOf(c === DQUOTE ? '"' : "'", i + 1);
      if (close === -1 || close > to) fail('xml_malformed', `attribute ${name} is not closed`);
      const raw = s.slice(i + 1, close);
      attrs.push(name, raw.indexOf('&') === -1 ? raw : decodeEntities(raw));
      i = close + 1;
    }
    return attrs;
  }

  /** End of a start tag (index of its '>'), skipping '>' inside quoted values; -1 if incomplete. */
  function tagEnd(s: string, from: number): number {
    const n = s.length;
    for (let i = from; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c === GT) return i;
      if (c === DQUOTE || c === SQUOTE) {
        const close = s.indexOf(c === DQUOTE ? '"' : "'", i + 1);
        if (close === -1) return -1;
        i = close;
      }
    }
    return -1;
  }

  function emitText(raw: string): void {
    if (stack.length === 0) {
      if (raw.trim() !== '') fail('xml_malformed', 'text outside the root element');
      return;
    }
    handler.text(raw.indexOf('&') === -1 ? raw : decodeEntities(raw));
  }

  function openTag(s: string, lt: number, gt: number): void {
    let selfClosing = false;
    let end = gt;
    if (s.charCodeAt(gt - 1) === SLASH) {
      selfClosing = true;
      end = gt - 1;
    }
    let nameEnd = lt + 1;
    while (nameEnd < end && !isSpace(s.charCodeAt(nameEnd))) nameEnd++;
    const name = s.slice(lt + 1, nameEnd);
    if (name === '') fail('xml_malformed', 'a "<" that starts no tag');
    if (stack.length === 0) {
      if (rootClosed) fail('xml_malformed', `<${name}> after the end of the document`);
      rootSeen = true;
    }
    const attrs = nameEnd < end ? parseAttrs(s, nameEnd, end) : NO_ATTRS;
    const local = localOf(name);
    if (selfClosing) {
      handler.open(local, attrs, true);
      handler.close(local);
      if (stack.length === 0) rootClosed = true;
    } else {
      stack.push(name);
      handler.open(local, attrs, false);
    }
  }

  function closeTag(s: string, lt: number, gt: number): void {
    const name = s.slice(lt + 2, gt).trim();
    const open = stack.pop();
    if (open !== name) {
      fail(
        'xml_malformed',
        open === undefined
          ? `</${name}> closes nothing`
          : `</${name}> where </${open}> was expected`,
      );
    }
    handler.close(localOf(name));
    if (stack.length === 0) rootClosed = true;
  }

  /** Handle every complete token in buf; return the index where an incomplete one starts. */
  function run(final: boolean): number {
    const s = buf;
    const n = s.length;
    let i = 0;
    while (i < n) {
      tokenStart = i;
      const lt = s.indexOf('<', i);
      if (lt === -1) {
        if (!final) return i;
        emitText(s.slice(i));
        return n;
      }
      if (lt > i) {
        if (handler.wantText || stack.length === 0) emitText(s.slice(i, lt));
        tokenStart = lt;
      }
      if (lt + 1 >= n) return lt;
      const c = s.charCodeAt(lt + 1);
      if (c === SLASH) {
        const gt = s.indexOf('>', lt + 2);
        if (gt === -1) return lt;
        closeTag(s, lt, gt);
        i = gt + 1;
      } else if (c === QUESTION) {
        const end = s.indexOf('?>', lt + 2);
        if (end === -1) return lt;
        i = end + 2;
      } else if (c === BANG) {
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end === -1) return lt;
          i = end + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end === -1) return lt;
          if (stack.length === 0) fail('xml_malformed', 'CDATA outside the root element');
          if (handler.wantText) handler.text(s.slice(lt + 9, end));
          i = end + 3;
        } else if (n - lt < 9 && !final) {
          return lt;
        } else if (
          options.allowDeclarationsOnlyDoctype === true &&
          !rootSeen &&
          !doctypeSeen &&
          s.startsWith('<!DOCTYPE', lt)
        ) {
          const end = scanDoctype(s, lt, fail);
          if (end === -1) return lt;
          doctypeSeen = true;
          i = end;
        } else {
          const what = s.startsWith('<!DOCTYPE', lt) ? '<!DOCTYPE>' : s.slice(lt, lt + 9);
          fail(
            what === '<!DOCTYPE>' ? 'xml_doctype' : 'xml_malformed',
            `${what} declarations are not allowed in activity files (no DTDs or entities, for safety)`,
          );
        }
      } else {
        const gt = tagEnd(s, lt + 1);
        if (gt === -1) return lt;
        openTag(s, lt, gt);
        i = gt + 1;
      }
    }
    return n;
  }

  function consume(chunk: string, final: boolean): void {
    buf = buf.length === 0 ? chunk : buf + chunk;
    const done = run(final);
    // Count the lines of what is dropped so that line() stays right across chunks.
    for (let j = buf.indexOf('\n'); j !== -1 && j < done; j = buf.indexOf('\n', j + 1)) {
      linesBefore++;
    }
    buf = done >= buf.length ? '' : buf.slice(done);
    tokenStart = 0;
    if (buf.length > maxTokenChars) {
      fail('xml_token_too_large', `a single tag or text longer than ${maxTokenChars} characters`);
    }
  }

  return {
    write(chunk: Uint8Array): void {
      // Work in 64 KiB slices: tokenizing one huge string is several times slower (and holds more
      // memory) than tokenizing cache-sized ones.
      for (let at = 0; at < chunk.length; at += SLICE_BYTES) {
        const decoded = decoder.decode(chunk.subarray(at, at + SLICE_BYTES), false);
        if (decoded.length > 0) consume(decoded, false);
      }
    },
    end(): void {
      consume(decoder.decode(new Uint8Array(0), true), true);
      if (buf.length > 0) {
        fail('xml_truncated', 'the file ends inside a tag: it is truncated');
      }
      if (stack.length > 0) {
        const open = stack[stack.length - 1] as string;
        fail('xml_truncated', `the file ends inside <${open}>: it is truncated`);
      }
      if (!rootSeen) fail('xml_empty', 'no XML elements: the file is empty or not XML');
    },
    line,
  };
}

const NO_ATTRS: readonly string[] = Object.freeze([]);
