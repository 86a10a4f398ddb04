import { XMLParser } from 'fast-xml-parser';
import { inject } from 'vitest';
import { ROUTES, routeKey } from '../../../functions/routes.js';
import { findIdempotentCreate } from '../../../functions/store/items.js';
import { compileRoutes, matchRoute } from '../../../infra/local/apigw-event.js';
import type { HostileContext, HostileRequest } from './requests.js';

export interface Answer {
  status: number;
  contentType: string;
  text: string;
}

export async function send(req: HostileRequest): Promise<Answer> {
  const res = await fetch(`${inject('baseUrl')}${req.path}`, {
    method: req.method,
    headers: req.headers,
    body: req.body as BodyInit | undefined,
    redirect: 'manual',
    signal: AbortSignal.timeout(20_000),
  });
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** A short, reproducible description of a request for a failure message. */
export function describeRequest(req: HostileRequest): string {
  const body = typeof req.body === 'string' ? req.body.slice(0, 300) : req.body && `<${req.body.length} bytes>`;
  const headers = Object.fromEntries(
    Object.entries(req.headers).map(([k, v]) => [k, k === 'authorization' ? `${v.slice(0, 20)}…` : v.slice(0, 120)]),
  );
  return `${req.method} ${req.path.slice(0, 300)}\nheaders: ${JSON.stringify(headers)}\nbody: ${JSON.stringify(body)}`;
}

const COMPILED = compileRoutes(ROUTES);

/** Links answer a browser with a page; everything else that is refused must be problem+json. */
const mayAnswerHtml = (req: HostileRequest) =>
  /\/api\/(subscriptions|alerts)\/(confirm|unsubscribe)/.test(routeKey(req.route)) && (req.headers.accept ?? '').includes('text/html');

/** What is wrong with an answer, or undefined: never 5xx; a 4xx is problem+json whose status matches. */
export function contractBreach(req: HostileRequest, answer: Answer): string | undefined {
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.text.slice(0, 200)}`;
  if (answer.status < 400) return undefined;
  if (mayAnswerHtml(req) && answer.contentType.startsWith('text/html')) return undefined;
  // An Open311 path that names no route (an empty id) is answered by the server itself, in problem+json.
  if (req.route.path.startsWith('/open311/') && !matchRoute(COMPILED, req.method, req.path.split('?')[0] as string).route) {
    return answer.contentType.startsWith('application/problem+json') ? undefined : `${answer.status} as ${answer.contentType}`;
  }
  if (req.route.path.startsWith('/open311/')) return open311Breach(answer);
  if (!answer.contentType.startsWith('application/problem+json')) return `${answer.status} as ${answer.contentType || 'no content type'}`;
  let problem: { status?: unknown; type?: unknown; title?: unknown; detail?: unknown };
  try {
    problem = JSON.parse(answer.text);
  } catch {
    return `${answer.status} problem+json that does not parse: ${answer.text.slice(0, 100)}`;
  }
  if (problem.status !== answer.status) return `problem status ${problem.status} on a ${answer.status}`;
  if (typeof problem.type !== 'string' || typeof problem.title !== 'string' || typeof problem.detail !== 'string')
    return `problem without type/title/detail: ${answer.text.slice(0, 200)}`;
  return undefined;
}

/** Open311 refusals are GeoReport v2 errors: `[{code, description}]` or `<errors><error>`, code = status. */
function open311Breach(answer: Answer): string | undefined {
  // Header/URI limits are answered by the HTTP server before any route runs (API Gateway does the same).
  if ((answer.status === 431 || answer.status === 414) && answer.contentType.startsWith('application/problem+json')) return undefined;
  if (answer.contentType.startsWith('application/json')) {
    try {
      const errors = JSON.parse(answer.text) as { code?: unknown; description?: unknown }[];
      if (Array.isArray(errors) && errors.length > 0 && errors.every((e) => e.code === answer.status && typeof e.description === 'string'))
        return undefined;
    } catch {
      // reported below
    }
    return `${answer.status} without GeoReport v2 errors: ${answer.text.slice(0, 200)}`;
  }
  if (answer.contentType.startsWith('text/xml')) {
    const parsed = new XMLParser({ parseTagValue: false }).parse(answer.text) as { errors?: { error?: unknown } };
    const first = [parsed.errors?.error].flat()[0] as { code?: string; description?: string } | undefined;
    if (first?.code === String(answer.status) && first.description) return undefined;
    return `${answer.status} without <errors><error>: ${answer.text.slice(0, 200)}`;
  }
  return `${answer.status} as ${answer.contentType || 'no content type'}`;
}

async function etagOf(path: string): Promise<string> {
  const res = await fetch(`${inject('baseUrl')}${path}`);
  await res.text();
  return `${res.status} ${res.headers.get('etag')}`;
}

async function billsIn(session: string): Promise<number> {
  const res = await fetch(`${inject('baseUrl')}/api/bills?session=${encodeURIComponent(session)}&limit=1000`);
  const body = (await res.json()) as { items?: unknown[] };
  return body.items?.length ?? -1;
}

/**
 * The state a stream's refused requests must not change: its report's and bill's versions, the bills
 * in its session. Read again after every accepted write, compared after every refused one.
 */
export class StateWatch {
  private known = { report: '', bill: '', bills: 0 };

  constructor(private readonly ctx: HostileContext) {}

  async refresh(): Promise<void> {
    this.known = {
      report: await etagOf(`/api/reports/${this.ctx.reportId}`),
      bill: await etagOf(`/api/bills/${this.ctx.billId}`),
      bills: await billsIn(this.ctx.session),
    };
  }

  /** After a refused request: what it changed that it must not have, or undefined. */
  async changedBy(req: HostileRequest): Promise<string | undefined> {
    if (req.target === 'report') {
      const now = await etagOf(`/api/reports/${this.ctx.reportId}`);
      if (now !== this.known.report) return `the report changed from ${this.known.report} to ${now}`;
    }
    if (req.target === 'bill') {
      const now = await etagOf(`/api/bills/${this.ctx.billId}`);
      if (now !== this.known.bill) return `the bill changed from ${this.known.bill} to ${now}`;
    }
    if (req.idempotencyKey && (await findIdempotentCreate(req.idempotencyKey)))
      return `a report was stored for Idempotency-Key ${req.idempotencyKey}`;
    if (req.billSession) {
      const now = await billsIn(req.billSession);
      if (now !== this.known.bills) return `bills in ${req.billSession} went from ${this.known.bills} to ${now}`;
    }
    return undefined;
  }

  /** Whether the request could have changed anything this watch tracks. */
  static watches(req: HostileRequest): boolean {
    return req.target !== undefined || req.idempotencyKey !== undefined || req.billSession !== undefined;
  }
}
