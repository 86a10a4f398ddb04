import { DateTime } from 'luxon';
import { type Email, escapeHtml, type ItemFacts } from '../email/templates.js';
import { translator } from '../i18n/board.js';
import type { Translator } from '../i18n/translator.js';

/** The local hour the daily digest goes out (SPEC §12: 07:00 jurisdiction time). */
export const DIGEST_HOUR = 7;

/** How an item changed for a digest: filed, updated (status or public comment), or finished (moved to a done state). */
export type DigestChange = 'new' | 'updated' | 'finished';

/**
 * The digest an event at `at` belongs to, as the local date (YYYY-MM-DD) of the morning it is sent: the
 * digest of day D covers [D-1 07:00, D 07:00) local time. Decided on the wall clock, so a day with a
 * daylight-saving change (23 or 25 hours) still ends at 07:00 local.
 * @example digestDay('2026-03-29T06:30:00Z', 'Europe/London') // '2026-03-30' (07:30 BST, after that morning's digest)
 */
export function digestDay(at: string | Date, timezone: string): string {
  const local = (typeof at === 'string' ? DateTime.fromISO(at, { zone: 'utc' }) : DateTime.fromJSDate(at)).setZone(timezone);
  const day = local.hour >= DIGEST_HOUR ? local.plus({ days: 1 }) : local;
  return day.toISODate() as string;
}

/**
 * The digest due at `now`: today's local date once it is 07:00 or later there, else none yet (the job
 * runs often; it sends a day's digest at its first run from 07:00 on).
 * @example dueDigestDay(new Date('2026-07-01T06:00:00Z'), 'Europe/London') // '2026-07-01' (07:00 BST)
 */
export function dueDigestDay(now: Date, timezone: string): string | undefined {
  const local = DateTime.fromJSDate(now).setZone(timezone);
  return local.hour >= DIGEST_HOUR ? (local.toISODate() as string) : undefined;
}

/** The instant a digest day's window opens and closes (for the email's wording and for tests). */
export function digestWindow(day: string, timezone: string): { from: string; to: string } {
  const end = DateTime.fromISO(day, { zone: timezone }).set({ hour: DIGEST_HOUR });
  return { from: end.minus({ days: 1 }).toUTC().toISO() as string, to: end.toUTC().toISO() as string };
}

/** One item in a digest, with what happened to it that day (the strongest change wins: finished > new > updated). */
export interface DigestLine extends ItemFacts {
  change: DigestChange;
}

const RANK: Record<DigestChange, number> = { updated: 0, new: 1, finished: 2 };

/** Folds an item's changes of one day into the one line it gets. */
export const strongestChange = (changes: DigestChange[]): DigestChange =>
  changes.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'updated' as DigestChange);

const SECTIONS: DigestChange[] = ['new', 'updated', 'finished'];

/** The alerts a digest is about, each with its own stop link. */
export interface DigestAlert {
  description: string;
  unsubscribeUrl: string;
}

/**
 * The daily digest: one email per subscriber grouping the day's new, updated and finished items with
 * their status and link, in the subscriber's language (`tr`; `day` as a date in it). Text and HTML say
 * the same; the HTML is one narrow column of plain blocks (no tables, no fixed widths), so it reads at
 * 320 px. Every user-typed title is escaped.
 */
export function dailyDigest(
  jurisdictionName: string,
  day: string,
  lines: DigestLine[],
  alerts: DigestAlert[],
  manageUrl: string,
  tr: Translator = translator(),
): Email {
  const subject = tr.t('email.digest.subject', { jurisdiction: jurisdictionName, count: lines.length });
  const intro = tr.t('email.digest.intro', { alerts: alerts.map((a) => a.description).join('; ') });
  const sections = SECTIONS.map((change) => ({ change, lines: lines.filter((l) => l.change === change) }))
    .filter((s) => s.lines.length)
    .map((s) => ({ ...s, heading: tr.t('email.digest.section', { change: s.change, count: s.lines.length }) }));
  const manage = tr.t('email.alert.manage');
  const stop = (a: DigestAlert) => tr.t('email.digest.stop', { alert: a.description });
  const lineText = (l: DigestLine) =>
    tr.t('email.digest.line', { reference: l.reference, title: l.title, service: l.serviceName, status: l.statusLabel });
  const text = [
    intro,
    '',
    ...sections.flatMap((s) => [s.heading, ...s.lines.flatMap((l) => [`- ${lineText(l)}`, `  ${l.trackUrl}`]), '']),
    `${manage}: ${manageUrl}`,
    ...alerts.map((a) => `${stop(a)}: ${a.unsubscribeUrl}`),
  ].join('\n');
  const li = (l: DigestLine) =>
    `<li style="margin:0 0 .75em"><a href="${escapeHtml(l.trackUrl)}">${escapeHtml(l.reference)}</a> ` +
    `${escapeHtml(`"${l.title}"`)}<br>${escapeHtml(l.serviceName)}: <strong>${escapeHtml(l.statusLabel)}</strong></li>`;
  // Noon UTC names the same calendar day in every time zone a council can be in.
  const dayShown = tr.date(`${day}T12:00:00Z`, 'date');
  const html = [
    `<!doctype html><html lang="${escapeHtml(tr.lang)}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.5;max-width:40em;margin:0 auto;padding:0 .75em;overflow-wrap:anywhere">',
    `<h1 style="font-size:1.25em">${escapeHtml(tr.t('email.digest.heading', { jurisdiction: jurisdictionName, day: dayShown }))}</h1>`,
    `<p>${escapeHtml(intro)}</p>`,
    ...sections.map(
      (s) => `<h2 style="font-size:1.1em">${escapeHtml(s.heading)}</h2><ul style="padding-left:1.1em">${s.lines.map(li).join('')}</ul>`,
    ),
    `<p><a href="${escapeHtml(manageUrl)}">${escapeHtml(manage)}</a></p>`,
    '<hr>',
    ...alerts.map((a) => `<p style="font-size:small"><a href="${escapeHtml(a.unsubscribeUrl)}">${escapeHtml(stop(a))}</a></p>`),
    '</body></html>',
  ].join('');
  return { subject, text, html };
}
