// What the XML tokenizer (xml-tokenizer.ts) tells a runner about a file it cannot read: the
// reason and the whole message, with its line, for each way an activity file can be broken; and
// the limits of character references.
import { describe, expect, it } from 'vitest';
import {
  attrOf,
  createXmlTokenizer,
  type XmlTokenizerOptions,
} from '../../../shared/activity/xml-tokenizer.ts';
import { badInputOf } from '../../support/bad-input.ts';

const enc = new TextEncoder();

/** The text of the root element's children and attributes, read through the tokenizer. */
function read(xml: string, options?: XmlTokenizerOptions, chunkBytes?: number): string[] {
  const out: string[] = [];
  const t = createXmlTokenizer(
    {
      wantText: true,
      open: (_name, attrs) => out.push(...attrs.filter((_, i) => i % 2 === 1)),
      close: () => {},
      text: (v) => out.push(v),
    },
    options,
  );
  const bytes = enc.encode(xml);
  const step = chunkBytes ?? bytes.length;
  for (let i = 0; i < bytes.length; i += step) t.write(bytes.subarray(i, i + step));
  t.end();
  return out;
}

describe('createXmlTokenizer(): refusals', () => {
  it.each([
    ['a bare ampersand', '<r>salt & pepper</r>', 'xml_malformed', 'a bare "&" (write it as &amp;)'],
    [
      'an ampersand never ended',
      '<r>a &amp b</r>',
      'xml_malformed',
      'a bare "&" (write it as &amp;)',
    ],
    ['a surrogate', '<r>&#xD800;</r>', 'xml_malformed', 'invalid character reference &#xD800;'],
    [
      'the last surrogate',
      '<r>&#xDFFF;</r>',
      'xml_malformed',
      'invalid character reference &#xDFFF;',
    ],
    ['character 0', '<r>&#0;</r>', 'xml_malformed', 'invalid character reference &#0;'],
    [
      'beyond Unicode',
      '<r>&#x110000;</r>',
      'xml_malformed',
      'invalid character reference &#x110000;',
    ],
    [
      'a letter in a decimal reference',
      '<r>&#6a;</r>',
      'xml_malformed',
      'invalid character reference &#6a;',
    ],
    [
      'a g in a hex reference',
      '<r>&#x4g;</r>',
      'xml_malformed',
      'invalid character reference &#x4g;',
    ],
    ['an empty reference', '<r>&#;</r>', 'xml_malformed', 'invalid character reference &#;'],
    [
      'an entity of a DTD',
      '<r a="&nbsp;"/>',
      'xml_entity',
      'unknown entity &nbsp; (entity declarations are not supported, for safety)',
    ],
    ['an attribute without a value', '<r a/>', 'xml_malformed', 'an attribute without a value'],
    ['an attribute without quotes', '<r a=1/>', 'xml_malformed', 'attribute a is not quoted'],
    ['text before the root', 'x<r/>', 'xml_malformed', 'text outside the root element'],
    ['text after the root', '<r/>x', 'xml_malformed', 'text outside the root element'],
    ['a "<" before a space', '<r>< b/></r>', 'xml_malformed', 'a "<" that starts no tag'],
    ['a second root', '<r/><s/>', 'xml_malformed', '<s> after the end of the document'],
    [
      'a second root after a closed one',
      '<r></r><s></s>',
      'xml_malformed',
      '<s> after the end of the document',
    ],
    ['a closing tag first', '</r>', 'xml_malformed', '</r> closes nothing'],
    [
      'CDATA before the root',
      '<![CDATA[x]]><r/>',
      'xml_malformed',
      'CDATA outside the root element',
    ],
    [
      'an element declaration',
      '<!ELEMENT r ANY><r/>',
      'xml_malformed',
      '<!ELEMENT declarations are not allowed in activity files (no DTDs or entities, for safety)',
    ],
    [
      'a tag cut off',
      '<r><s a="1"',
      'xml_truncated',
      'the file ends inside a tag: it is truncated',
    ],
    [
      'an element never closed',
      '<r><s></s>',
      'xml_truncated',
      'the file ends inside <r>: it is truncated',
    ],
    [
      'nothing but a declaration',
      '<?xml version="1.0"?>',
      'xml_empty',
      'no XML elements: the file is empty or not XML',
    ],
  ])('%s', (_name, xml, reason, message) => {
    const err = badInputOf(() => read(xml));
    expect(err.reason).toBe(reason);
    expect(err.message).toBe(`line 1: ${message}`);
  });

  it('names the line of the token at fault, across chunks', () => {
    const xml = '<r>\n<s>\n\n</r>';
    const err = badInputOf(() => read(xml));
    expect(err.message).toBe('line 4: </r> where </s> was expected');
    const t = createXmlTokenizer({ wantText: false, open() {}, close() {}, text() {} });
    const chunked = badInputOf(() => {
      for (const part of ['<r>\n<s>', '\n', '\n</r>']) t.write(enc.encode(part));
    });
    expect(chunked.message).toBe('line 4: </r> where </s> was expected');
  });

  it('refuses a token longer than the caller allows, and accepts one as long', () => {
    const err = badInputOf(() => read(`<r a="${'x'.repeat(20)}`, { maxTokenChars: 10 }));
    expect(err.reason).toBe('xml_token_too_large');
    expect(err.message).toBe('line 1: a single tag or text longer than 10 characters');
    // A cut-off tag of exactly 10 characters waits for the rest, which completes it.
    const t = createXmlTokenizer(
      { wantText: false, open() {}, close() {}, text() {} },
      { maxTokenChars: 10 },
    );
    t.write(enc.encode('<r a="1234'));
    t.write(enc.encode('"/>'));
    expect(() => t.end()).not.toThrow();
  });
});

describe('createXmlTokenizer(): character references', () => {
  it.each([
    ['&#65;', 'A'],
    ['&#x41;', 'A'],
    ['&#x6a;&#x6A;', 'jj'],
    ['&#xD7FF;', '\ud7ff'],
    ['&#xE000;', '\ue000'],
    ['&#x10FFFF;', '\u{10ffff}'],
    // The longest reference read is 11 characters between "&" and ";" (a 12-character span).
    ['&#0000000065;', 'A'],
  ])('reads %s', (ref, text) => {
    expect(read(`<r>${ref}</r>`).join('')).toBe(text);
  });

  it('refuses a reference longer than that as a bare "&"', () => {
    expect(badInputOf(() => read('<r>&#00000000065;</r>')).message).toBe(
      'line 1: a bare "&" (write it as &amp;)',
    );
  });
});

describe('createXmlTokenizer(): the declarations-only DOCTYPE (Apple Health)', () => {
  const allow = { allowDeclarationsOnlyDoctype: true };
  const root = '<HealthData locale="en"/>';

  it.each([
    ['no internal subset', '<!DOCTYPE HealthData>'],
    [
      'spaces and line breaks everywhere',
      '<!DOCTYPE\nHealthData\n[\n<!ELEMENT HealthData ANY>\n]\n>',
    ],
    [
      'a ">" inside a quoted default',
      '<!DOCTYPE HealthData [<!ATTLIST HealthData locale CDATA "a>b">]>',
    ],
    [
      'a comment and a processing instruction',
      '<!DOCTYPE HealthData [<!-- c --><?pi x?><!ELEMENT HealthData ANY>]>',
    ],
  ])('skips one with %s, whole or a byte at a time', (_name, doctype) => {
    expect(read(doctype + root, allow)).toEqual(['en']);
    expect(read(doctype + root, allow, 1)).toEqual(['en']);
  });

  it.each([
    [
      'SYSTEM',
      '<!DOCTYPE HealthData SYSTEM "x.dtd">',
      'xml_doctype',
      'a DOCTYPE naming an external DTD (SYSTEM or PUBLIC) is not allowed, for safety',
    ],
    [
      'PUBLIC',
      '<!DOCTYPE HealthData PUBLIC "-//x" "x.dtd">',
      'xml_doctype',
      'a DOCTYPE naming an external DTD (SYSTEM or PUBLIC) is not allowed, for safety',
    ],
    [
      'a word after the name',
      '<!DOCTYPE HealthData other>',
      'xml_malformed',
      'a DOCTYPE that is neither closed nor opens an internal subset',
    ],
    [
      'text after "]"',
      '<!DOCTYPE HealthData [<!ELEMENT HealthData ANY>] x>',
      'xml_malformed',
      'the DOCTYPE does not end with "]>"',
    ],
    [
      'an entity',
      '<!DOCTYPE HealthData [<!ENTITY e "x">]>',
      'xml_entity',
      '<!ENTITY> declarations are not allowed (no entity expansion, for safety)',
    ],
    [
      'a parameter entity in a declaration',
      '<!DOCTYPE HealthData [<!ELEMENT HealthData %e;>]>',
      'xml_entity',
      'a parameter entity reference in the DTD is not allowed, for safety',
    ],
    [
      'a parameter entity between declarations',
      '<!DOCTYPE HealthData [%e; <!ELEMENT HealthData ANY>]>',
      'xml_entity',
      'a parameter entity reference in the DTD is not allowed, for safety',
    ],
    [
      'a notation',
      '<!DOCTYPE HealthData [<!NOTATION gif SYSTEM "image/gif">]>',
      'xml_doctype',
      '"<!NOTATION" in the DTD: only element and attribute declarations are allowed',
    ],
  ])('refuses %s', (_name, doctype, reason, message) => {
    const err = badInputOf(() => read(doctype + root, allow));
    expect(err.reason).toBe(reason);
    expect(err.message).toBe(`line 1: ${message}`);
  });
});

describe('attrOf()', () => {
  it('matches the local name with or without a prefix, and no other name ending in it', () => {
    expect(attrOf(['flat', '1', 'x:lat', '2'], 'lat')).toBe('2');
    expect(attrOf(['lat', '3'], 'lat')).toBe('3');
    expect(attrOf(['flat', '1'], 'lat')).toBeUndefined();
  });
});
