// The one DTD an activity source needs: Apple Health's export.xml opens with a DOCTYPE whose internal
// subset declares elements and attributes only (<!ELEMENT …>, <!ATTLIST …>, comments). Such a DTD
// changes nothing for a reader that does not validate, so it is skipped. Anything that could expand
// or fetch text — an <!ENTITY> (billion laughs), a parameter entity, an external DTD (SYSTEM or
// PUBLIC: XXE) — is refused, as is everything the scanner does not know.
type Fail = (reason: string, message: string) => never;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Index just past the '>' that closes a declaration, skipping quoted text; -1 if incomplete. */
function declarationEnd(s: string, from: number, fail: Fail): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 62) return i + 1; // >
    if (c === 37)
      fail('xml_entity', 'a parameter entity reference in the DTD is not allowed, for safety');
    if (c === 34 || c === 39) {
      const close = s.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close === -1) return -1;
      i = close;
    }
  }
  return -1;
}

/**
 * The end (index past its '>') of the DOCTYPE starting at `lt`, or -1 when the text so far ends
 * inside it. Throws (through `fail`) for a DOCTYPE that declares entities or names an external DTD.
 */
export function scanDoctype(s: string, lt: number, fail: Fail): number {
  const n = s.length;
  let i = lt + '<!DOCTYPE'.length;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  while (i < n && !isSpace(s.charCodeAt(i)) && s[i] !== '[' && s[i] !== '>') i++;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  if (i + 6 >= n) return -1;
  if (s.startsWith('SYSTEM', i) || s.startsWith('PUBLIC', i)) {
    fail(
      'xml_doctype',
      'a DOCTYPE naming an external DTD (SYSTEM or PUBLIC) is not allowed, for safety',
    );
  }
  if (s[i] === '>') return i + 1;
  if (s[i] !== '[')
    fail('xml_malformed', 'a DOCTYPE that is neither closed nor opens an internal subset');
  i++;
  for (;;) {
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (i >= n) return -1;
    if (s[i] === ']') {
      i++;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      if (s[i] !== '>') fail('xml_malformed', 'the DOCTYPE does not end with "]>"');
      return i + 1;
    }
    if (n - i < 10) return -1; // too little left to tell which declaration this is
    if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      if (end === -1) return -1;
      i = end + 3;
    } else if (s.startsWith('<?', i)) {
      const end = s.indexOf('?>', i + 2);
      if (end === -1) return -1;
      i = end + 2;
    } else if (s.startsWith('<!ELEMENT', i) || s.startsWith('<!ATTLIST', i)) {
      const end = declarationEnd(s, i + 9, fail);
      if (end === -1) return -1;
      i = end;
    } else if (s.startsWith('<!ENTITY', i)) {
      fail(
        'xml_entity',
        '<!ENTITY> declarations are not allowed (no entity expansion, for safety)',
      );
    } else if (s[i] === '%') {
      fail('xml_entity', 'a parameter entity reference in the DTD is not allowed, for safety');
    } else {
      fail(
        'xml_doctype',
        `"${s.slice(i, i + 10)}" in the DTD: only element and attribute declarations are allowed`,
      );
    }
  }
}
