import { canActOn, requireTeam, type StaffActor } from '../../shared/actor.js';
import { hasArea } from '../../shared/areas/chosen.js';
import { clipBox } from '../../shared/bbox.js';
import { findService, getService, listServices, PHASES, type Phase, type Service } from '../../shared/catalog/index.js';
import { GoneError, ValidationError } from '../../shared/errors.js';
import type { HistoryEvent, Item } from '../../shared/items.js';
import { jurisdiction } from '../../shared/jurisdiction/index.js';
import type { ListReportsQuery, QueueQuery, StaffListQuery } from '../../shared/schemas.js';
import { listDuePage } from '../store/due-lists.js';
import { getItemWithHistory } from '../store/items.js';
import { type ItemFilter, listAssignedPage, listInBoxPage, listQueuePage, listRecentPage, type Page } from '../store/lists.js';
import { queuePosition } from '../store/queue-counts.js';
import type { Deferred } from './input.js';

export interface ReportDetail {
  item: Item;
  /** The latest events (HISTORY_LIMIT at most), in time order. */
  history: HistoryEvent[];
  /** Older events exist than `history` holds. */
  historyTruncated: boolean;
  queuePosition?: number;
}

/** A report by id or reference with its latest history and its place in the queue (the caller projects it). */
export async function reportDetail(idOrRef: string): Promise<ReportDetail> {
  const detail = await getItemWithHistory(idOrRef, 'report');
  refuseHidden(detail.item);
  return { ...detail, queuePosition: await queuePosition(detail.item) };
}

/** The same, for staff: only the report's team sees its contact details and internal notes. */
export async function staffReportDetail(actor: StaffActor, idOrRef: string): Promise<ReportDetail> {
  const detail = await getItemWithHistory(idOrRef, 'report');
  requireTeam(actor, getService(detail.item.serviceCode));
  return { ...detail, queuePosition: await queuePosition(detail.item) };
}

/** A service's waiting reports in queue order, each with its position. */
export async function serviceQueue(
  serviceCode: string,
  query: QueueQuery,
): Promise<{ service: Service } & Page<Item & { position: number }>> {
  const service = getService(serviceCode);
  return { service, ...(await listQueuePage(service.code, query.limit, query.cursor)) };
}

/** Public list of reports: by bounding box (clipped to the jurisdiction), else by service and/or phase, newest first. */
export async function publicReports(query: ListReportsQuery): Promise<Page<Item>> {
  const filter: ItemFilter = {
    serviceCodes: query.service ? [serviceParam(query.service).code] : undefined,
    phases: query.phase ? [query.phase] : undefined,
    since: query.updatedSince ? new Date(query.updatedSince).toISOString() : undefined,
    month: query.month,
    visibleOnly: true,
    area: query.area === undefined ? undefined : areaParam(query.area),
  };
  if (!query.bbox) return listRecentPage('report', filter, query.limit, query.cursor);
  // Clipped to where items can be: a box wholly outside lists nothing, and no box reads more than the jurisdiction.
  return listInBoxPage('report', clipBox(query.bbox, jurisdiction.bounds), filter, query.limit, query.cursor);
}

/** `assignee=none`: reports nobody owns yet (no username can be "none": Cognito usernames are ours to choose). */
export const UNASSIGNED = 'none';

/**
 * The staff work list: only services the actor may act on (naming another service is a 403), narrowed by
 * service, status, phase, priority and assignee (`me`, `none`, a username).
 */
export async function staffReports(actor: StaffActor, body: Deferred<StaffListQuery>, requested?: string): Promise<Page<Item>> {
  let services = listServices('report').filter((s) => canActOn(actor, s));
  // The service asked for decides who may list (403) before the rest of the query is checked (400).
  const asked = requested && findService(requested);
  if (asked && asked.kind === 'report') requireTeam(actor, asked);
  const query = body();
  if (query.service) {
    const service = serviceParam(query.service);
    requireTeam(actor, service);
    services = [service];
  }
  const phases: readonly Phase[] = query.status ? statusPhases(services, query.status) : query.phase ? [query.phase] : PHASES;
  const filter: ItemFilter = {
    serviceCodes: services.map((s) => s.code),
    phases,
    status: query.status,
    priority: query.priority,
    area: query.area === undefined ? undefined : areaParam(query.area),
    team: query.team,
  };
  if (query.sla || query.sort === 'due') {
    const due = { serviceCodes: services.map((s) => s.code), sla: query.sla, status: query.status, priority: query.priority };
    return listDuePage(due, query.limit, query.cursor);
  }
  if (query.assignee === UNASSIGNED) return listRecentPage('report', { ...filter, unassigned: true }, query.limit, query.cursor);
  if (query.assignee) {
    const assignee = query.assignee === 'me' ? actor.id : query.assignee;
    return listAssignedPage(assignee, filter, query.limit, query.cursor);
  }
  return listRecentPage('report', filter, query.limit, query.cursor);
}

/** An `area` query parameter: an unknown area is the caller's mistake (400). */
export function areaParam(id: string): string {
  if (!hasArea(id)) throw new ValidationError([{ path: 'query.area', message: `"${id}" is not an area; see GET /api/areas.` }]);
  return id;
}

/** A `service` query parameter: an unknown code is the caller's mistake (400), not a missing item. */
export function serviceParam(code: string): Service {
  const service = findService(code);
  if (service?.kind !== 'report') {
    throw new ValidationError([{ path: 'query.service', message: `"${code}" is not a service; see GET /api/services.` }]);
  }
  return service;
}

function statusPhases(services: Service[], status: string): Phase[] {
  const phases = services.flatMap((s) => s.workflow.states.filter((st) => st.id === status).map((st) => st.phase));
  if (phases.length === 0) throw new ValidationError([{ path: 'query.status', message: `"${status}" is not a status of these services.` }]);
  return [...new Set(phases)];
}

/** A report staff hid answers 410 on every public route: the public learns it was removed, nothing more. */
export function refuseHidden(item: Item): void {
  if (item.hidden) throw new GoneError(`Report ${item.reference} was removed by the council.`);
}
