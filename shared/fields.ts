import * as z from 'zod';
import { httpUrlProblem } from './links.js';
import { cleanText, type TextShape, textProblem } from './text.js';

/**
 * Zod fields for what people type: every free-text and link field of the request schemas is one of
 * these. The checks themselves live in text.ts and links.ts, which import no zod so the site can use them.
 */

/**
 * Free text from a person, for a zod schema: refuses controls and broken characters with a message
 * naming the fix, then cleans (see cleanText) and checks the length of what will be stored.
 * A field made `.optional()` may be absent, but text that is present and blank is still refused, as before;
 * `allowEmpty` is for fields where '' means "clear it".
 * @example freeText({ max: 200 }).parse(' Pothole \u202E') // 'Pothole'; '\u200B' fails with 'must not be empty'
 */
export function freeText(opts: { max: number; shape?: TextShape; allowEmpty?: boolean }) {
  const shape = opts.shape ?? 'line';
  // CR and CRLF are line breaks, not controls, in multi-line text; in a single line they are refused below.
  const base = z.string().overwrite((s) => (shape === 'multiline' ? s.replace(/\r\n?/g, '\n') : s));
  const checked = base
    .check((ctx) => {
      const problem = textProblem(ctx.value, shape);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value, continue: false });
    })
    .overwrite(cleanText);
  const bounded = checked.max(opts.max, `must be at most ${opts.max} characters`);
  return opts.allowEmpty ? bounded : bounded.min(1, 'must not be empty');
}

/**
 * An http(s) link field for a zod schema: refused with a message that says what to fix, stored as sent
 * (trimmed), so what was checked is what is served.
 * @example httpUrl(2000).safeParse('data:text/html,hi').error?.issues[0]?.message // 'only http and https links are allowed'
 */
export function httpUrl(max: number) {
  return z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .check((ctx) => {
      const problem = httpUrlProblem(ctx.value);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
    });
}
