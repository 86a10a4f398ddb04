// `npx tsx bench/boston-sla-table.ts [--write]`: the Boston 2015 figures per type (docs/sla.md), board
// against Boston's own CSV, over the whole sample in ../shared/data (never copied into the project).
// Board: each row through the Boston mapping (shared/import311), then the statistics' own contributions
// and histogram quantiles (shared/sla), in memory: what an import writes and /api/stats reads back
// (the Boston integration test checks that stored path against the same direct computation).
// CSV: median days OPEN_DT → CLOSED_DT over closed rows; on-time share = OnTime_Status ONTIME among closed
// rows with a TARGET_DT. `--write` replaces the table between the markers in docs/sla.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
process.env.CIVICBOARD_JURISDICTION = join(ROOT, 'jurisdictions', 'boston');
const CSV = join(ROOT, '..', 'shared', 'data', 'boston-311-2015', 'boston_311_2015_street_issues_sample.csv');
if (!existsSync(CSV)) {
  console.error(`${CSV} is absent: ../shared/data is not part of the project.`);
  process.exit(1);
}

const { parse } = await import('csv-parse/sync');
const { DateTime } = await import('luxon');
const { readMapping } = await import('../infra/local/import-311.js');
const { mapRow } = await import('../shared/import311/rows.js');
const { areaIndex } = await import('../shared/areas/chosen.js');
const { findService } = await import('../shared/catalog/index.js');
const { jurisdiction } = await import('../shared/jurisdiction/index.js');
const { routeTeam } = await import('../shared/routing.js');
const { contributions, jurisdictionCalendar, periodFigures } = await import('../shared/sla/index.js');

const mapping = readMapping(join(ROOT, 'jurisdictions', 'boston', 'boston-311.mapping.json'));
const index = areaIndex();
const ctx = { findService, bounds: jurisdiction.bounds, locate: (p: { lat: number; lng: number }) => index.locate(p), routeTeam };
const { timezone } = jurisdictionCalendar();
const rows = parse(readFileSync(CSV), { columns: true, bom: true }) as Record<string, string>[];
const at = (text: string) => DateTime.fromFormat(text, 'MM/dd/yyyy hh:mm:ss a', { zone: 'America/New_York' });

interface Tally {
  types: Set<string>;
  board: Record<string, number>;
  days: number[];
  targeted: number;
  onTime: number;
}
const byService = new Map<string, Tally>();
rows.forEach((row, i) => {
  const out = mapRow(row, i + 2, mapping, ctx);
  if (!out.ok) return;
  const item = { ...out.row.item, reference: 'x', version: 1 };
  const t = byService.get(item.serviceCode) ?? { types: new Set(), board: {}, days: [], targeted: 0, onTime: 0 };
  t.types.add(row.TYPE as string);
  // The whole range as one period, as /api/stats's `total`: month periods of this service, all areas.
  for (const c of contributions(item, timezone)) {
    if (c.kind === 'period' && c.interval === 'month' && c.scope.service === item.serviceCode && c.scope.area === '*')
      t.board[c.attr] = (t.board[c.attr] ?? 0) + 1;
  }
  if (row.CASE_STATUS === 'Closed' && row.CLOSED_DT) {
    t.days.push(at(row.CLOSED_DT).diff(at(row.OPEN_DT as string), 'days').days);
    // Denominator: every closed case with a target (an empty OnTime_Status is not ONTIME; see docs/sla.md).
    if (row.TARGET_DT) {
      t.targeted++;
      if (row.OnTime_Status === 'ONTIME') t.onTime++;
    }
  }
  byService.set(item.serviceCode, t);
});

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const fmt = (n: number | null | undefined, digits: number) => (n === undefined || n === null || Number.isNaN(n) ? '–' : n.toFixed(digits));

const lines = [
  '| service (Boston types) | closed | median days to close: board | CSV | on time %: board | CSV `OnTime_Status` | closed with a target |',
  '|---|---|---|---|---|---|---|',
];
let worstMedian = 0;
let worstOnTime = 0;
for (const [code, t] of [...byService].sort((a, b) => b[1].days.length - a[1].days.length)) {
  const board = periodFigures('all', t.board);
  const csvMedian = t.days.length ? median(t.days) : undefined;
  const csvOnTime = t.targeted ? (100 * t.onTime) / t.targeted : undefined;
  if (typeof board.medianDaysToClose === 'number' && csvMedian !== undefined)
    worstMedian = Math.max(worstMedian, Math.abs(board.medianDaysToClose - csvMedian));
  if (typeof board.resolvedOnTimePct === 'number' && csvOnTime !== undefined)
    worstOnTime = Math.max(worstOnTime, Math.abs(board.resolvedOnTimePct - csvOnTime));
  lines.push(
    `| ${[findService(code)?.name ?? code, ...[...t.types].filter((x) => x !== findService(code)?.name).map((x) => `(${x})`)].join(' ')} | ${board.closed} | ${fmt(board.medianDaysToClose, 2)} | ${fmt(csvMedian, 2)} | ${fmt(board.resolvedOnTimePct, 1)} | ${fmt(csvOnTime, 1)} | ${t.targeted} |`,
  );
}
lines.push(
  '',
  `${rows.length.toLocaleString('en')} rows; largest gaps: median ${worstMedian.toFixed(3)} days, on-time share ${worstOnTime.toFixed(2)} points.`,
);
const table = lines.join('\n');
console.log(table);

if (process.argv.includes('--write')) {
  const doc = join(ROOT, 'docs', 'sla.md');
  const text = readFileSync(doc, 'utf8');
  const start = '<!-- boston-sla-table:start -->';
  const end = '<!-- boston-sla-table:end -->';
  if (!text.includes(start) || !text.includes(end)) throw new Error(`docs/sla.md has no ${start} … ${end} markers`);
  writeFileSync(doc, `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n${text.slice(text.indexOf(end))}`);
  console.log('\nwritten to docs/sla.md');
}
