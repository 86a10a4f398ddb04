import type { Bill } from './model.js';

/** What the CSV needs of a watchlist row: the office's entry and the bill as it is now (absent if deleted). */
export interface WatchRow {
  entry: { billId: string; note: string; addedAt: string; updatedAt: string; updatedBy: string };
  bill?: Pick<Bill, 'number' | 'session' | 'title' | 'status' | 'phase' | 'chamber' | 'scheduledVote' | 'votes'>;
}

export const WATCHLIST_CSV_COLUMNS = [
  'number',
  'session',
  'title',
  'stage',
  'phase',
  'chamber of origin',
  'vote scheduled',
  'last vote',
  'note',
  'note updated at',
  'note updated by',
  'tracked since',
  'bill id',
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. A field a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe.
 * @example csvField('=SUM(A1)') // "'=SUM(A1)"
 * @example csvField('a, "b"') // '"a, ""b"""'
 */
export function csvField(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * An office watchlist as CSV, header first, rows in bill-number order, CRLF line ends (what spreadsheets
 * expect). The notes are the office's own: this is only ever sent to members of that office.
 */
export function watchlistCsv(rows: WatchRow[]): string {
  const sorted = [...rows].sort((a, b) => (a.bill?.number ?? '').localeCompare(b.bill?.number ?? '', 'en', { numeric: true }));
  const lines = [WATCHLIST_CSV_COLUMNS.map(csvField).join(',')];
  for (const { entry, bill } of sorted) {
    const last = bill?.votes?.at(-1);
    lines.push(
      [
        bill?.number ?? '(bill no longer exists)',
        bill?.session,
        bill?.title,
        bill?.status,
        bill?.phase,
        bill?.chamber,
        bill?.scheduledVote ? `${bill.scheduledVote.at} (${bill.scheduledVote.chamber})` : undefined,
        last ? `${last.at.slice(0, 10)} ${last.chamber} ${last.motion}: ${last.result} ${last.yes}-${last.no}` : undefined,
        entry.note,
        entry.updatedAt,
        entry.updatedBy,
        entry.addedAt,
        entry.billId,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
