import { catalog, findService, listServices, type Service } from '../../shared/catalog/index.js';
import { ForbiddenError, NotFoundError } from '../../shared/errors.js';
import { type HistoryEvent, type Item, latestPublicNote } from '../../shared/items.js';
import { redactedText } from '../../shared/moderation.js';
import {
  formFields,
  MAX_REQUESTS,
  type Open311ListQuery,
  type Open311Post,
  open311PostSchema,
  requestWindow,
  toCreateReportInput,
} from '../../shared/open311/input.js';
import {
  jurisdictionIdOf,
  type Open311Request,
  type Open311Service,
  type Open311ServiceDefinition,
  phasesOf,
  toOpen311Request,
  toOpen311Service,
  toServiceDefinition,
} from '../../shared/open311/model.js';
import { createReportSchema } from '../../shared/schemas.js';
import { parseWith } from '../../shared/validation.js';
import { config } from '../lib/env.js';
import { getItem, getItemWithHistory } from '../store/items.js';
import { listRecentPage } from '../store/lists.js';
import { authorizeKey, limitKeyRate } from './api-keys.js';
import { createReport } from './create-report.js';
import { refuseHidden } from './read-reports.js';

const timezone = () => catalog.jurisdiction.timezone;

/** `jurisdiction_id`, when sent, must be this board's: another is a 404 (nothing here answers for it). */
export function checkJurisdiction(id: string | undefined): void {
  const ours = jurisdictionIdOf(catalog.jurisdiction as { name: string; id?: string });
  if (id !== undefined && id !== ours) throw new NotFoundError(`This server answers for jurisdiction_id "${ours}", not "${id}".`);
}

export const open311Services = (): Open311Service[] => listServices('report').map(toOpen311Service);

function reportService(code: string): Service {
  const service = findService(code);
  if (service?.kind !== 'report') throw new NotFoundError(`There is no service with service_code "${code}": see services.json.`);
  return service;
}

export const open311ServiceDefinition = (code: string): Open311ServiceDefinition => toServiceDefinition(reportService(code));

const dueOf = (item: Item) => (item as Item & { sla?: { resolutionDueAt?: string } }).sla?.resolutionDueAt;

/**
 * Open311's status_notes: the latest public note as the public sees it (a redacted comment shows its
 * replacement). Read from the item (kept there by every public note), so a list costs no history reads;
 * items noted before the item kept it fall back to their history where it was read.
 */
function statusNote(item: Item, history?: HistoryEvent[]): string | undefined {
  const ref = item.lastPublicNote ?? (history && latestPublicNote({}, history));
  return ref && redactedText(item, `comment:${ref.eventId}`, ref.note);
}

function asRequest(item: Item, history?: HistoryEvent[]): Open311Request {
  return toOpen311Request(item, {
    timezone: timezone(),
    statusNote: statusNote(item, history),
    resolutionDueAt: dueOf(item),
    baseUrl: config().publicBaseUrl,
  });
}

/** One request by reference (or id), with its status notes. */
export async function open311Request(id: string): Promise<Open311Request> {
  const { item, history } = await getItemWithHistory(id, 'report').catch((err: unknown) => {
    if (err instanceof NotFoundError) throw new NotFoundError(`There is no service request "${id}".`);
    throw err;
  });
  refuseHidden(item);
  return asRequest(item, history);
}

/**
 * `GET requests`: named requests (with status notes), else those created in the window (last 90 days by
 * default) from the service and phase indexes, newest change first, at most 1000. Never a scan.
 */
export async function open311Requests(query: Open311ListQuery, now = new Date()): Promise<Open311Request[]> {
  checkJurisdiction(query.jurisdiction_id);
  const services = query.service_code?.map((code) => reportService(code).code);
  const phases = query.status?.flatMap(phasesOf);
  if (query.service_request_id) {
    const found = await Promise.all(
      query.service_request_id.map((id) =>
        getItemWithHistory(id, 'report').catch((err) => (err instanceof NotFoundError ? undefined : Promise.reject(err))),
      ),
    );
    return found
      .filter((f): f is NonNullable<typeof f> => f !== undefined && !f.item.hidden)
      .filter(({ item }) => (!services || services.includes(item.serviceCode)) && (!phases || phases.includes(item.phase)))
      .map(({ item, history }) => asRequest(item, history));
  }
  const window = requestWindow(query, now);
  const page = await listRecentPage(
    'report',
    { serviceCodes: services, phases, since: window.from, created: window, visibleOnly: true },
    MAX_REQUESTS,
  );
  return page.items.map((item) => asRequest(item));
}

/**
 * `POST requests`: the key is checked first (403 before the form is judged), then the form becomes the
 * board's own report input, checked by the same schema as the site's. A repeated attribute[external_id]
 * from the same key returns the first request (the commit's conditional idempotency record).
 */
export async function createOpen311Request(body: () => string, sourceIp: string) {
  const raw = body();
  const fields = new URLSearchParams(raw);
  checkJurisdiction(fields.get('jurisdiction_id') ?? undefined);
  const apiKey = fields.get('api_key');
  if (!apiKey) throw new ForbiddenError('Send your api_key with the request (ask the council for one).');
  const key = await authorizeKey(apiKey, fields.get('service_code') ?? '');
  const post: Open311Post = parseWith(open311PostSchema, formFields(raw));
  const service = reportService(post.service_code);
  const input = parseWith(createReportSchema, toCreateReportInput(post, service.name));
  const idempotency = post.attribute.external_id ? `open311:${key.id}:${post.attribute.external_id}` : undefined;
  const created = await createReport(input, idempotency, sourceIp, {
    actor: { type: 'system', name: key.name },
    limit: () => limitKeyRate(key),
    mediaUrl: post.media_url,
  });
  return { id: created.item.reference, itemId: created.item.id, replayed: created.replayed };
}

/** `tokens/{token}`: the token is the item's id (every POST answers with the request id at once). */
export async function open311Token(token: string): Promise<{ service_request_id: string; token: string }> {
  if (!/^[0-9A-Z]{26}$/.test(token)) throw new NotFoundError(`There is no token "${token}".`);
  const item = await getItem(token, { kind: 'report' }).catch((err: unknown) => {
    if (err instanceof NotFoundError) throw new NotFoundError(`There is no token "${token}".`);
    throw err;
  });
  refuseHidden(item);
  return { service_request_id: item.reference, token };
}
