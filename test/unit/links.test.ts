import { describe, expect, it } from 'vitest';
import { createBillSchema } from '../../shared/bills/schemas.js';
import { ValidationError } from '../../shared/errors.js';
import { httpUrl } from '../../shared/fields.js';
import { httpUrlProblem, safeHttpUrl } from '../../shared/links.js';
import { parseWith } from '../../shared/validation.js';

const unsafe = [
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0001javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://example.org/a',
  'blob:https://example.org/uuid',
  'mailto:a@example.org',
  '//evil.example/x',
  '/relative/path',
  'https:evil.example',
  'https://user:pass@example.org/',
  'https://example.org@evil.example/',
  'https://exa mple.org/',
  'https://example.org/\u202Efdp.exe',
  '',
  'not a link',
];

describe('safeHttpUrl: what may go into href', () => {
  for (const url of unsafe) {
    it(`refuses ${JSON.stringify(url)}`, () => {
      expect(safeHttpUrl(url)).toBeUndefined();
    });
  }

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 42, { href: 'https://example.org' }]) expect(safeHttpUrl(value)).toBeUndefined();
  });

  for (const [url, href] of [
    ['https://www.akleg.gov/basis/Bill/Detail/34?Root=HB%2012', 'https://www.akleg.gov/basis/Bill/Detail/34?Root=HB%2012'],
    ['http://example.org/hb1.pdf', 'http://example.org/hb1.pdf'],
    ['HTTPS://Example.ORG/HB1.pdf', 'https://example.org/HB1.pdf'],
    ['https://example.org', 'https://example.org/'],
    ['  https://example.org/a#p2  ', 'https://example.org/a#p2'],
    ['https://bücher.example/straße', 'https://xn--bcher-kva.example/stra%C3%9Fe'],
  ]) {
    it(`keeps ${url} as ${href}`, () => {
      expect(safeHttpUrl(url)).toBe(href);
    });
  }
});

describe('httpUrl: the request field', () => {
  it('says only http and https are allowed for another scheme', () => {
    expect(httpUrlProblem('javascript:alert(1)')).toBe('only http and https links are allowed');
    expect(httpUrlProblem('data:text/html,hi')).toBe('only http and https links are allowed');
  });

  it('says what to fix for a link that is not one', () => {
    expect(httpUrlProblem('example.org/bill')).toBe('must be a full link starting with https://');
    expect(httpUrlProblem('https://a b')).toBe('must be one link without spaces or control characters');
    expect(httpUrlProblem('https://me:pw@example.org')).toBe('must not contain a user name or password');
  });

  it('stores a good link as sent, trimmed', () => {
    expect(httpUrl(2000).parse(' https://Example.org/HB1.pdf ')).toBe('https://Example.org/HB1.pdf');
  });

  it('a bill with a javascript: document is a ValidationError naming documents.0.url', () => {
    const bill = {
      number: 'HB 1',
      session: '2025',
      title: 'Road safety',
      summary: 'About roads.',
      chamber: 'House',
      sponsors: [{ name: 'Ada', role: 'primary' }],
      documents: [{ label: 'Text', url: 'javascript:alert(1)' }],
    };
    let caught: unknown;
    try {
      parseWith(createBillSchema, bill);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).errors).toEqual([{ path: 'documents.0.url', message: 'only http and https links are allowed' }]);
    expect(parseWith(createBillSchema, { ...bill, documents: [{ label: 'Text', url: 'https://example.org/hb1' }] }).documents).toEqual([
      { label: 'Text', url: 'https://example.org/hb1' },
    ]);
  });
});
