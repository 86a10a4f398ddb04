/**
 * Cleaning of free text people type into the board (titles, descriptions, names, notes…), which is
 * stored once and then shown to everyone. Pure; used by the request schemas, the LegiScan import and
 * the public projection alike, so what is checked on the way in is what is served on the way out.
 */

/** Bidi embedding/override (U+202A–U+202E) and isolate (U+2066–U+2069) controls: they can make
 *  "txt.exe" read as "exe.txt" and reorder the rest of a page, so public text never carries them. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** C0 controls, DEL and C1 controls, except tab and line feed (allowed in multi-line text only). */
const CONTROLS = /(?![\t\n])\p{Cc}/u;
const LINE_BREAK_OR_TAB = /[\t\n\r\u2028\u2029]/;
/** A UTF-16 surrogate not paired with its partner: not a character, breaks encoders downstream. */
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATES = /\p{Cs}/gu;
const ALL_CONTROLS = /(?![\t\n])\p{Cc}/gu;
/** Whitespace and code points that draw nothing (zero-width space and joiners, BOM, LRM/RLM,
 *  variation selectors, tag characters, Hangul fillers…), plus the blank braille pattern. */
const INVISIBLE = /[\s\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** Whether text may span lines: descriptions, comments, notes and summaries may; titles and names may not. */
export type TextShape = 'line' | 'multiline';

/**
 * Removes bidi override and isolate characters.
 * @example stripBidiControls('abc\u202Etxt.exe') // 'abctxt.exe'
 */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * Whether text shows nothing at all: empty, whitespace, or only invisible characters.
 * @example isVisiblyEmpty('\u200B\u200B ') // true
 */
export function isVisiblyEmpty(text: string): boolean {
  return text.replace(INVISIBLE, '') === '';
}

const codePoint = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What is wrong with text that no cleaning can fix, as a message saying what to change, or undefined.
 * @example textProblem('a\u0000b', 'multiline') // 'must not contain control characters (found U+0000): remove them'
 */
export function textProblem(text: string, shape: TextShape): string | undefined {
  if (LONE_SURROGATE.test(text)) return 'contains a broken character (an unpaired UTF-16 surrogate): re-type or re-paste the text';
  if (shape === 'line' && LINE_BREAK_OR_TAB.test(text)) return 'must be a single line: remove line breaks and tabs';
  const control = CONTROLS.exec(text);
  if (control) return `must not contain control characters (found ${codePoint(control[0])}): remove them`;
  return undefined;
}

/**
 * Text as it is stored and shown: line breaks made `\n`, NFC-normalised (so "é" typed two ways
 * compares equal), bidi controls removed, trimmed; invisible-only text becomes ''.
 * @example cleanText('  Cafe\u0301 \u202E ') // 'Café'
 */
export function cleanText(text: string): string {
  const cleaned = stripBidiControls(text.replace(/\r\n?|[\u2028\u2029]/g, '\n').normalize('NFC')).trim();
  return isVisiblyEmpty(cleaned) ? '' : cleaned;
}

/**
 * Cleans text nobody can be asked to fix (an import): like cleanText, but a control character becomes
 * a space and a broken character U+FFFD instead of refusing the text.
 * @example scrubText('HB\u00001\u202E') // 'HB 1'
 */
export function scrubText(text: string): string {
  return cleanText(text.replace(/\r\n?/g, '\n').replace(LONE_SURROGATES, '\uFFFD').replace(ALL_CONTROLS, ' '));
}
