import { randomUUID } from 'node:crypto';

/**
 * The deployed smoke test: the board's public contract, checked over HTTP against any base URL (a
 * deployed board after every deploy, or the local stack in the test suite). It reads only what a
 * citizen's browser can read and, unless told not to, files one clearly marked report.
 */
export interface SmokeResult {
  name: string;
  ok: boolean;
  detail: string;
}

interface Response_ {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: the checks read arbitrary JSON shapes
  json: any;
}

async function get(base: string, path: string, init: RequestInit = {}): Promise<Response_> {
  const res = await fetch(new URL(path, base), { redirect: 'manual', ...init });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, headers: res.headers, text, json: type.includes('json') && text ? JSON.parse(text) : undefined };
}

const isProblem = (r: Response_, status: number) =>
  r.status === status && (r.headers.get('content-type') ?? '').startsWith('application/problem+json') && r.json?.status === status;

type Check = (base: string, state: Record<string, unknown>) => Promise<string>;

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const CHECKS: [string, Check, { writes?: boolean }?][] = [
  [
    'health answers ok',
    async (base) => {
      const r = await get(base, '/api/health');
      expect(r.status === 200 && r.json?.status === 'ok', `GET /api/health → ${r.status} ${r.text.slice(0, 120)}`);
      return '200 {"status":"ok"}';
    },
  ],
  [
    'the service catalog lists report services',
    async (base, state) => {
      const r = await get(base, '/api/services');
      const services = (r.json?.items ?? r.json ?? []) as { code: string; kind?: string }[];
      const report = Array.isArray(services) ? services.find((s) => (s.kind ?? 'report') === 'report') : undefined;
      expect(r.status === 200 && report, `GET /api/services → ${r.status}, no report service`);
      state.serviceCode = report.code;
      return `${services.length} services; using ${report.code}`;
    },
  ],
  [
    'a citizen can file a report',
    async (base, state) => {
      const config = await get(base, '/config.json');
      const [lat, lng] = (config.json?.map?.center ?? []) as number[];
      expect(typeof lat === 'number' && typeof lng === 'number', '/config.json has no map centre');
      const r = await get(base, '/api/reports', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({
          serviceCode: state.serviceCode,
          description: 'Smoke test after a deploy: please close as not a fault.',
          location: { lat, lng },
        }),
      });
      expect(r.status === 201 && r.json?.id, `POST /api/reports → ${r.status} ${r.text.slice(0, 160)}`);
      state.report = r.json;
      return `201 ${r.json.reference ?? r.json.id}`;
    },
    { writes: true },
  ],
  [
    'the report reads back, with its place in the queue',
    async (base, state) => {
      const report = state.report as { id: string } | undefined;
      if (!report) return 'skipped (no report filed)';
      const r = await get(base, `/api/reports/${report.id}`);
      expect(r.status === 200 && r.json?.id === report.id, `GET /api/reports/{id} → ${r.status}`);
      return `200, queue position ${r.json.queuePosition ?? '–'}`;
    },
    { writes: true },
  ],
  [
    "the service's queue answers",
    async (base, state) => {
      const r = await get(base, `/api/queues/${state.serviceCode}`);
      expect(r.status === 200, `GET /api/queues/${state.serviceCode} → ${r.status}`);
      return '200';
    },
  ],
  [
    'an unknown API address is a 404 problem+json (not the HTML page)',
    async (base) => {
      const r = await get(base, `/api/reports/smoke-${randomUUID()}`);
      expect(isProblem(r, 404), `→ ${r.status} ${r.headers.get('content-type')}`);
      return '404 application/problem+json';
    },
  ],
  [
    'a staff route without a token is a 401 problem+json',
    async (base) => {
      const r = await get(base, '/api/staff/reports');
      expect(isProblem(r, 401), `→ ${r.status} ${r.headers.get('content-type')} ${r.text.slice(0, 80)}`);
      return '401 application/problem+json';
    },
  ],
  [
    'pages carry the security headers',
    async (base) => {
      const r = await get(base, '/');
      const h = r.headers;
      const missing = [
        ['content-security-policy', /script-src 'self'/],
        ['x-content-type-options', /nosniff/],
        ['x-frame-options', /DENY/i],
        ['referrer-policy', /strict-origin-when-cross-origin/],
        ...(base.startsWith('https:') ? [['strict-transport-security', /max-age=\d+/] as const] : []),
      ].filter(([name, pattern]) => !(pattern as RegExp).test(h.get(name as string) ?? ''));
      expect(r.status === 200 && missing.length === 0, `GET / → ${r.status}; missing ${missing.map(([n]) => n).join(', ')}`);
      return `CSP, nosniff, frame DENY, referrer policy${base.startsWith('https:') ? ', HSTS' : ''}`;
    },
  ],
  [
    "a missing page is the site's 404 page with status 404",
    async (base) => {
      const r = await get(base, `/no-such-page-${randomUUID()}/`);
      expect(
        r.status === 404 && (r.headers.get('content-type') ?? '').startsWith('text/html') && /not found/i.test(r.text),
        `→ ${r.status} ${r.headers.get('content-type')}`,
      );
      return '404 text/html';
    },
  ],
];

/** Runs every check in order (later ones use what earlier ones found); never throws. */
export async function runSmoke(base: string, opts: { write?: boolean } = {}): Promise<SmokeResult[]> {
  const state: Record<string, unknown> = {};
  const results: SmokeResult[] = [];
  for (const [name, check, flags] of CHECKS) {
    if (flags?.writes && opts.write === false) {
      results.push({ name, ok: true, detail: 'skipped (--no-write)' });
      continue;
    }
    try {
      results.push({ name, ok: true, detail: await check(base, state) });
    } catch (err) {
      results.push({ name, ok: false, detail: err instanceof Error ? err.message : String(err) });
    }
  }
  return results;
}
