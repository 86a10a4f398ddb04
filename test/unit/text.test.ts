import { describe, expect, it } from 'vitest';
import { createBillSchema, voteSchema, watchNoteSchema } from '../../shared/bills/schemas.js';
import { freeText } from '../../shared/fields.js';
import { commentSchema, createReportSchema } from '../../shared/schemas.js';
import { cleanText, isVisiblyEmpty, stripBidiControls } from '../../shared/text.js';
import { parseWith } from '../../shared/validation.js';

const line = freeText({ max: 200 });
const paragraphs = freeText({ max: 5000, shape: 'multiline' });
const messageOf = (schema: typeof line, input: string) => schema.safeParse(input).error?.issues.map((i) => i.message);

describe('freeText: ordinary text from anywhere passes unchanged', () => {
  const ordinary = [
    'Pothole outside 12 High Street',
    'Café crème, São Paulo, Zürich, Łódź',
    'Llanfairpwllgwyngyll: ffordd ŵyn, tŷ, dŵr',
    'حفرة في الطريق أمام المدرسة',
    'בור בכביש ליד בית הספר',
    '道路に穴があります',
    'Broken light 💡 near the 👩‍👩‍👧 park 🏳️‍🌈 👍🏽',
    'नमस्ते सड़क',
    'क्षि and ZWNJ in Persian: می‌خواهم',
  ];
  for (const text of ordinary) {
    it(`keeps ${JSON.stringify(text)}`, () => {
      expect(line.parse(text)).toBe(text);
      expect(paragraphs.parse(text)).toBe(text);
    });
  }

  it('keeps line breaks and tabs in multi-line text', () => {
    expect(paragraphs.parse('First line\n\tindented\nthird')).toBe('First line\n\tindented\nthird');
  });

  it('trims surrounding whitespace as before', () => {
    expect(line.parse('  Pothole  ')).toBe('Pothole');
  });
});

describe('freeText: normalises', () => {
  it('to NFC, so an accent typed as a combining mark is stored as one character', () => {
    const decomposed = 'Cafe\u0301';
    expect(decomposed).toHaveLength(5);
    expect(line.parse(decomposed)).toBe('Caf\u00e9');
  });

  it('CRLF and CR to LF in multi-line text', () => {
    expect(paragraphs.parse('a\r\nb\rc')).toBe('a\nb\nc');
  });

  it('and measures the length of what it stores', () => {
    expect(freeText({ max: 4 }).parse('Cafe\u0301')).toBe('Café');
  });
});

describe('freeText: bidi overrides and isolates are stripped', () => {
  for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
    const ch = String.fromCodePoint(cp);
    it(`U+${cp.toString(16).toUpperCase()}`, () => {
      expect(line.parse(`invoice${ch}fdp.exe`)).toBe('invoicefdp.exe');
      expect(paragraphs.parse(`a\n${ch}b`)).toBe('a\nb');
    });
  }

  it('but the marks right-to-left text needs (LRM, RLM, ALM) stay', () => {
    expect(line.parse('שלום\u200E 12')).toBe('שלום\u200E 12');
    expect(line.parse('عربي\u061C 12')).toBe('عربي\u061C 12');
  });
});

describe('freeText: refuses what cannot be cleaned, saying what to fix', () => {
  for (const cp of [0x00, 0x01, 0x07, 0x08, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f]) {
    it(`the control character U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, () => {
      const text = `before${String.fromCodePoint(cp)}after`;
      const expected = `must not contain control characters (found U+${cp.toString(16).toUpperCase().padStart(4, '0')}): remove them`;
      expect(messageOf(paragraphs, text)).toEqual([expected]);
      expect(messageOf(line, text)).toEqual([expected]);
    });
  }

  for (const [what, text] of [
    ['a line feed', 'a\nb'],
    ['a carriage return', 'a\rb'],
    ['a tab', 'a\tb'],
    ['a line separator', 'a\u2028b'],
  ]) {
    it(`${what} in single-line text`, () => {
      expect(messageOf(line, text as string)).toEqual(['must be a single line: remove line breaks and tabs']);
    });
  }

  for (const [what, text] of [
    ['a lone high surrogate', 'ab\uD83Dcd'],
    ['a lone low surrogate', 'ab\uDC4Dcd'],
    ['surrogates in the wrong order', '\uDC4D\uD83D'],
  ]) {
    it(what as string, () => {
      expect(messageOf(paragraphs, text as string)).toEqual([
        'contains a broken character (an unpaired UTF-16 surrogate): re-type or re-paste the text',
      ]);
    });
  }
});

describe('freeText: invisible-only text is empty', () => {
  const invisible = ['\u200B', '\u200B\u200C\u200D', '\uFEFF', '\u2060', '\u00AD', '\u3164', '\u115F', '\u2800', '\u00A0\u200B ', '\u202E'];
  for (const text of invisible) {
    it(`${JSON.stringify(text)} gets the "must not be empty" message`, () => {
      expect(messageOf(line, text)).toEqual(['must not be empty']);
    });
  }

  it('where empty is allowed, it is stored as empty', () => {
    expect(freeText({ max: 10, allowEmpty: true }).parse('\u200B\u200B')).toBe('');
  });

  it('an absent optional field is still fine', () => {
    expect(line.optional().parse(undefined)).toBeUndefined();
  });
});

describe('the helpers behind freeText', () => {
  it('stripBidiControls removes overrides and isolates only', () => {
    expect(stripBidiControls('a\u202Eb\u2066c\u200Fd')).toBe('abc\u200Fd');
  });

  it('isVisiblyEmpty tells blank from short', () => {
    expect(isVisiblyEmpty('\u200B \uFE0F')).toBe(true);
    expect(isVisiblyEmpty('.')).toBe(false);
    expect(isVisiblyEmpty('👍')).toBe(false);
  });

  it('cleanText cleans without refusing, for text that cannot be sent back (imports)', () => {
    expect(cleanText(' Cafe\u0301\u202E\r\nok ')).toBe('Café\nok');
    expect(cleanText('\u200B')).toBe('');
  });
});

describe('every free-text field of the request schemas is cleaned', () => {
  const bill = {
    number: 'HB 1',
    session: '2025',
    title: 'Road safety',
    summary: 'About roads.',
    chamber: 'House',
    sponsors: [{ name: 'Ada', role: 'primary', party: 'I', district: '3' }],
    committee: 'Transport',
    documents: [{ label: 'Text', url: 'https://example.org/hb1.pdf' }],
  };
  const cases: [string, (v: string) => unknown, string][] = [
    ['report title', (v) => createReportSchema.parse({ serviceCode: 'pothole', description: 'd', title: v }).title, 'title'],
    ['report description', (v) => createReportSchema.parse({ serviceCode: 'pothole', description: v }).description, 'description'],
    ['report address', (v) => createReportSchema.parse({ serviceCode: 'pothole', description: 'd', address: v }).address, 'address'],
    [
      'reporter name',
      (v) => createReportSchema.parse({ serviceCode: 'pothole', description: 'd', reporter: { name: v } }).reporter?.name,
      'reporter.name',
    ],
    ['comment', (v) => commentSchema.parse({ body: v, visibility: 'public' }).body, 'body'],
    ['bill title', (v) => createBillSchema.parse({ ...bill, title: v }).title, 'title'],
    ['bill summary', (v) => createBillSchema.parse({ ...bill, summary: v }).summary, 'summary'],
    ['bill committee', (v) => createBillSchema.parse({ ...bill, committee: v }).committee, 'committee'],
    [
      'sponsor name',
      (v) => createBillSchema.parse({ ...bill, sponsors: [{ name: v, role: 'primary' }] }).sponsors[0]?.name,
      'sponsors.0.name',
    ],
    [
      'document label',
      (v) => createBillSchema.parse({ ...bill, documents: [{ label: v, url: 'https://example.org/' }] }).documents?.[0]?.label,
      'documents.0.label',
    ],
    ['watch note', (v) => watchNoteSchema.parse({ note: v }).note, 'note'],
  ];
  for (const [what, parse] of cases) {
    it(`${what}: bidi override stripped`, () => {
      expect(parse('Main\u202E St')).toBe('Main St');
    });
  }

  it('a vote motion and roll-call names are cleaned, and a NUL in one is refused naming its path', () => {
    const vote = {
      at: '2026-01-01T10:00:00Z',
      chamber: 'House',
      motion: 'Third reading\u202E',
      yes: 1,
      no: 0,
      abstain: 0,
      absent: 0,
      result: 'pass',
      rollCall: [{ member: 'Ames\u2066', vote: 'yes' }],
    };
    const parsed = voteSchema.parse(vote);
    expect([parsed.motion, parsed.rollCall?.[0]?.member]).toEqual(['Third reading', 'Ames']);
    expect(() => parseWith(voteSchema, { ...vote, rollCall: [{ member: 'Am\u0000es', vote: 'yes' }] })).toThrow(
      /rollCall\.0\.member: must not contain control characters/,
    );
  });

  for (const [what, parse, path] of cases) {
    it(`${what}: NUL refused, the error naming ${path}`, () => {
      let issues: { path: PropertyKey[] }[] = [];
      try {
        parse('a\u0000b');
      } catch (err) {
        issues = (err as { issues: { path: PropertyKey[] }[] }).issues;
      }
      expect(issues.map((i) => i.path.join('.'))).toEqual([path]);
    });
  }
});
