import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ServiceView, Stats } from '../../../shared/api-types.js';
import { apiFetch } from './api.js';
import { brand } from './config.js';
import { $, el, show, statusLine } from './dom.js';
import { i18n, t, word } from './i18n.js';
import { ageBucket, daysBefore, daysWords, pctWords, periodLabel, serviceRecord, statsQuery } from './stats-text.js';

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
      // Numbers on the axis as the page's language writes them (1,5 in Spanish).
      { stroke: '#222', values: (_u, splits) => splits.map((n) => i18n.number(n)) },
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
      ...rows.map((r) => el('tr', {}, ...r.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, cell(c)) : el('td', {}, cell(c)))))),
    ),
  );
}

function section(
  id: string,
  title: string,
  intro: string,
  csvHref: string,
  csvText: string,
): { section: HTMLElement; chart: HTMLElement; data: HTMLElement } {
  const chartBox = el('div', { class: 'chart' });
  // A wide table scrolls on a narrow screen: focusable, so a keyboard can scroll it too.
  const data = el('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': t('stats.table.region', { title }) });
  const section = el(
    'section',
    { 'aria-labelledby': id },
    el('h2', { id }, title),
    el('p', {}, intro),
    chartBox,
    data,
    el('p', {}, el('a', { href: `/api${csvHref}`, download: 'stats.csv' }, csvText)),
  );
  return { section, chart: chartBox, data };
}

/** Counts as the page's language writes numbers; figures that are words already pass through. */
const cell = (c: string | number) => (typeof c === 'number' ? i18n.number(c) : c);

const serviceName = (s: ServiceView) => word(`service.${s.code}.name`, s.name);

async function main() {
  void brand();
  const container = $('#stats');
  const service = new URLSearchParams(location.search).get('service') ?? '';
  const { body: services } = await apiFetch<{ items: ServiceView[] }>('/services');
  const reports = services.items.filter((s) => s.kind === 'report');
  const select = $('#service') as HTMLSelectElement;
  for (const s of reports) select.append(el('option', { value: s.code, selected: s.code === service }, serviceName(s)));

  const query = { service: service || undefined };
  const [{ body: stats }, ...perService] = await Promise.all([
    apiFetch<Stats>(statsQuery(query)),
    ...reports.map((s) => apiFetch<Stats>(statsQuery({ service: s.code, from: daysBefore(90), interval: 'week' }))),
  ]);

  const backlog = section(
    'backlog-h',
    t('stats.backlog.heading'),
    t('stats.backlog.intro', { n: stats.backlog.total }),
    statsQuery({ ...query, csv: true }),
    t('stats.backlog.csv'),
  );
  const trend = section(
    'trend-h',
    t('stats.trend.heading'),
    t('stats.trend.intro'),
    statsQuery({ ...query, csv: true }),
    t('stats.trend.csv'),
  );
  const onTime = section(
    'ontime-h',
    t('stats.on_time.heading'),
    t('stats.on_time.intro', { days: 90 }),
    statsQuery({ from: daysBefore(90), interval: 'week', csv: true }),
    t('stats.on_time.csv'),
  );
  show(container, backlog.section, trend.section, onTime.section);
  container.setAttribute('aria-busy', 'false');

  const ages = stats.backlog.byAge;
  chart(
    backlog.chart,
    ages.map((a) => ageBucket(a.bucket)),
    [{ label: t('stats.backlog.series'), values: ages.map((a) => a.count), color: INK }],
    true,
  );
  backlog.data.append(
    table(
      t('stats.backlog.caption'),
      [t('stats.backlog.column.age'), t('stats.backlog.column.reports')],
      ages.map((a) => [ageBucket(a.bucket), a.count]),
    ),
  );

  const months = stats.series;
  chart(
    trend.chart,
    months.map((p) => periodLabel(p.period)),
    [
      { label: t('stats.trend.series.median'), values: months.map((p) => p.medianDaysToClose), color: INK },
      { label: t('stats.trend.series.p90'), values: months.map((p) => p.p90DaysToClose), color: SECOND },
    ],
    false,
  );
  trend.data.append(
    table(
      t('stats.trend.heading'),
      [
        t('stats.trend.column.month'),
        t('stats.trend.column.finished'),
        t('stats.trend.column.median'),
        t('stats.trend.column.p90'),
        t('stats.trend.column.on_time'),
      ],
      months.map((p) => [
        periodLabel(p.period),
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
    reports.map(serviceName),
    [{ label: t('stats.on_time.series'), values: totals.map((t) => t.resolvedOnTimePct), color: INK }],
    true,
  );
  onTime.data.append(
    table(
      t('stats.on_time.caption', { days: 90 }),
      [
        t('stats.on_time.column.service'),
        t('stats.on_time.column.finished'),
        t('stats.on_time.column.on_time'),
        t('stats.on_time.column.median'),
      ],
      reports.map((s, i) => [
        serviceName(s),
        totals[i]?.closed ?? 0,
        pctWords(totals[i]?.resolvedOnTimePct),
        daysWords(totals[i]?.medianDaysToClose),
      ]),
    ),
    el(
      'ul',
      { id: 'records' },
      ...reports
        .map((s, i) => serviceRecord({ ...s, name: serviceName(s) }, perService[i]?.body as Stats))
        .filter((r) => !!r)
        .map((r) => el('li', {}, r as string)),
    ),
  );
}

main().catch((err: Error) => show($('#stats'), statusLine('error', err.message)));
