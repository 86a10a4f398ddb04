import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ServiceView, Stats } from '../../../shared/api-types.js';
import { apiFetch } from './api.js';
import { brand } from './config.js';
import { $, el, show, statusLine } from './dom.js';
import { daysBefore, daysWords, pctWords, serviceRecord, statsQuery } from './stats-text.js';

const INK = '#1d3f72';
const SECOND = '#8a3b00';

/**
 * A bar or line chart over categories (uPlot), sized to its container. Drawn on a canvas, so it is
 * hidden from assistive technology; the table beside it is the same data as text.
 */
function chart(
  target: HTMLElement,
  labels: string[],
  series: { label: string; values: (number | null)[]; color: string }[],
  bars: boolean,
) {
  const width = Math.max(280, Math.min(target.clientWidth || 640, 900));
  const xs = labels.map((_, i) => i);
  const opts: uPlot.Options = {
    width,
    height: 220,
    legend: { show: series.length > 1 },
    cursor: { show: false },
    scales: { x: { time: false, range: [-0.6, labels.length - 0.4] } },
    axes: [
      { splits: () => xs, values: (_u, splits) => splits.map((i) => labels[i] ?? ''), stroke: '#222', grid: { show: false } },
      { stroke: '#222' },
    ],
    series: [
      {},
      ...series.map((s) => ({
        label: s.label,
        stroke: s.color,
        fill: bars ? s.color : undefined,
        width: 2,
        paths: bars ? uPlot.paths.bars?.({ size: [0.6, 80] }) : undefined,
        points: { show: !bars },
      })),
    ],
  };
  target.replaceChildren();
  const figure = el('div', { 'aria-hidden': 'true' });
  target.append(figure);
  new uPlot(opts, [xs, ...series.map((s) => s.values)] as uPlot.AlignedData, figure);
}

function table(caption: string, head: string[], rows: (string | number)[][]): HTMLElement {
  return el(
    'table',
    {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el(
      'tbody',
      {},
      ...rows.map((r) => el('tr', {}, ...r.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, String(c)) : el('td', {}, String(c)))))),
    ),
  );
}

function section(
  id: string,
  title: string,
  intro: string,
  csvHref: string,
): { section: HTMLElement; chart: HTMLElement; data: HTMLElement } {
  const chartBox = el('div', { class: 'chart' });
  // A wide table scrolls on a narrow screen: focusable, so a keyboard can scroll it too.
  const data = el('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': `${title}: table` });
  const section = el(
    'section',
    { 'aria-labelledby': id },
    el('h2', { id }, title),
    el('p', {}, intro),
    chartBox,
    data,
    el('p', {}, el('a', { href: `/api${csvHref}`, download: 'stats.csv' }, `Download ${title.toLowerCase()} as CSV`)),
  );
  return { section, chart: chartBox, data };
}

const monthName = (period: string) =>
  new Date(`${period}-01T12:00:00Z`).toLocaleString('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });

async function main() {
  void brand();
  const container = $('#stats');
  const service = new URLSearchParams(location.search).get('service') ?? '';
  const { body: services } = await apiFetch<{ items: ServiceView[] }>('/services');
  const reports = services.items.filter((s) => s.kind === 'report');
  const select = $('#service') as HTMLSelectElement;
  for (const s of reports) select.append(el('option', { value: s.code, selected: s.code === service }, s.name));

  const query = { service: service || undefined };
  const [{ body: stats }, ...perService] = await Promise.all([
    apiFetch<Stats>(statsQuery(query)),
    ...reports.map((s) => apiFetch<Stats>(statsQuery({ service: s.code, from: daysBefore(90), interval: 'week' }))),
  ]);

  const backlog = section(
    'backlog-h',
    'Waiting now, by age',
    `${stats.backlog.total} reports are waiting or in progress.`,
    statsQuery({ ...query, csv: true }),
  );
  const trend = section(
    'trend-h',
    'Time to fix, by month',
    'Median and 90th percentile days from report to finished, for the reports finished each month.',
    statsQuery({ ...query, csv: true }),
  );
  const onTime = section(
    'ontime-h',
    'Fixed on time, by service',
    'Share of reports finished by their due time over the last 90 days.',
    statsQuery({ from: daysBefore(90), interval: 'week', csv: true }),
  );
  show(container, backlog.section, trend.section, onTime.section);
  container.setAttribute('aria-busy', 'false');

  const ages = stats.backlog.byAge;
  chart(
    backlog.chart,
    ages.map((a) => a.bucket),
    [{ label: 'Reports', values: ages.map((a) => a.count), color: INK }],
    true,
  );
  backlog.data.append(
    table(
      'Reports waiting, by age',
      ['Age', 'Reports'],
      ages.map((a) => [a.bucket, a.count]),
    ),
  );

  const months = stats.series;
  chart(
    trend.chart,
    months.map((p) => monthName(p.period)),
    [
      { label: 'Median days', values: months.map((p) => p.medianDaysToClose), color: INK },
      { label: '90th percentile days', values: months.map((p) => p.p90DaysToClose), color: SECOND },
    ],
    false,
  );
  trend.data.append(
    table(
      'Time to fix, by month',
      ['Month', 'Finished', 'Median', '90th percentile', 'On time'],
      months.map((p) => [
        monthName(p.period),
        p.closed,
        daysWords(p.medianDaysToClose),
        daysWords(p.p90DaysToClose),
        pctWords(p.resolvedOnTimePct),
      ]),
    ),
  );

  const totals = perService.map((r) => r.body.total);
  chart(
    onTime.chart,
    reports.map((s) => s.name),
    [{ label: 'On time %', values: totals.map((t) => t.resolvedOnTimePct), color: INK }],
    true,
  );
  onTime.data.append(
    table(
      'Fixed on time, by service, last 90 days',
      ['Service', 'Finished', 'On time', 'Median'],
      reports.map((s, i) => [
        s.name,
        totals[i]?.closed ?? 0,
        pctWords(totals[i]?.resolvedOnTimePct),
        daysWords(totals[i]?.medianDaysToClose),
      ]),
    ),
    el(
      'ul',
      { id: 'records' },
      ...reports
        .map((s, i) => serviceRecord(s, perService[i]?.body as Stats))
        .filter((r) => !!r)
        .map((r) => el('li', {}, r as string)),
    ),
  );
}

main().catch((err: Error) => show($('#stats'), statusLine('error', err.message)));
