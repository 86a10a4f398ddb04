import ngeohash from 'ngeohash';
import { type Actor, canActOn, requireTeam } from '../../shared/actor.js';
import { findService, listServices, PHASES, type Phase, type Service } from '../../shared/catalog/index.js';
import { ValidationError } from '../../shared/errors.js';
import type { Item } from '../../shared/items.js';
import type { BBox, ListReportsQuery, StaffListQuery } from '../../shared/schemas.js';
import { CELL_PRECISION, itemFromRecord } from './keys.js';
import { type Partition, queryPartitions } from './paginate.js';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** A service's waiting items in queue order, each with its position. */
export async function listQueue(serviceCode: string, limit: number, cursor?: string): Promise<Page<Item & { position: number }>> {
  const { records, nextCursor, offset } = await queryPartitions([{ index: 'queue', pk: serviceCode }], limit, cursor);
  return { items: records.map((r, i) => ({ ...itemFromRecord(r), position: offset + i + 1 })), nextCursor };
}

/** Public list of reports: by bounding box (geohash cells), else by service and/or phase, newest first. */
export async function listReports(query: ListReportsQuery): Promise<Page<Item>> {
  const services = query.service ? [serviceParam(query.service)] : undefined;
  const phases: readonly Phase[] = query.phase ? [query.phase] : PHASES;
  const since = query.updatedSince ? new Date(query.updatedSince).toISOString() : undefined;
  const partitions = query.bbox
    ? cellPartitions('report', query.bbox, { services, phases, since })
    : recencyPartitions('report', services, phases, since);
  const { records, nextCursor } = await queryPartitions(partitions, query.limit, query.cursor);
  return { items: records.map(itemFromRecord), nextCursor };
}

/** `assignee=none`: items nobody owns yet (no username can be "none": Cognito usernames are ours to choose). */
export const UNASSIGNED = 'none';

/** Staff list: only services the actor may act on; narrowed by service, status, phase, priority, assignee (`me`, `none`, a username). */
export async function listStaffReports(actor: Actor, query: StaffListQuery): Promise<Page<Item>> {
  let services = listServices('report').filter((s) => canActOn(actor, s));
  if (query.service) {
    const service = serviceParam(query.service);
    requireTeam(actor, service);
    services = [service];
  }
  const phases: readonly Phase[] = query.status ? statusPhases(services, query.status) : query.phase ? [query.phase] : PHASES;
  const filters = new Filters();
  if (query.status) filters.equal('status', query.status);
  if (query.priority) filters.equal('priority', query.priority);
  let partitions: Partition[];
  if (query.assignee === UNASSIGNED) {
    filters.missing('assignee');
    partitions = recencyPartitions('report', services, phases, undefined, filters);
  } else if (query.assignee) {
    const assignee = query.assignee === 'me' && actor.type === 'staff' ? actor.id : query.assignee;
    filters.oneOf(
      'serviceCode',
      services.map((s) => s.code),
    );
    filters.oneOf('phase', phases);
    partitions = [{ index: 'assignee', pk: assignee, newestFirst: true, ...filters.build() }];
  } else {
    partitions = recencyPartitions('report', services, phases, undefined, filters);
  }
  const { records, nextCursor } = await queryPartitions(partitions, query.limit, query.cursor);
  return { items: records.map(itemFromRecord), nextCursor };
}

/** A `service` query parameter: unknown codes are the caller's mistake (400), not a missing item. */
function serviceParam(code: string): Service {
  const service = findService(code);
  if (!service) throw new ValidationError([{ path: 'query.service', message: `"${code}" is not a service; see GET /api/services.` }]);
  return service;
}

function statusPhases(services: Service[], status: string): Phase[] {
  const phases = services.flatMap((s) => s.workflow.states.filter((st) => st.id === status).map((st) => st.phase));
  if (phases.length === 0) throw new ValidationError([{ path: 'query.status', message: `"${status}" is not a status of these services.` }]);
  return [...new Set(phases)];
}

function recencyPartitions(
  kind: Item['kind'],
  services: Service[] | undefined,
  phases: readonly Phase[],
  since?: string,
  filters = new Filters(),
): Partition[] {
  const skCondition = since ? { skCondition: '#sk > :since', values: { ':since': since } } : {};
  const built = filters.build();
  const merge = (p: Partition): Partition => ({ ...p, ...built, ...skCondition, values: { ...built.values, ...skCondition.values } });
  if (!services) return phases.map((phase) => merge({ index: 'phase', pk: `${kind}#${phase}`, newestFirst: true }));
  return services.flatMap((s) => phases.map((phase) => merge({ index: 'service', pk: `${s.code}#${phase}`, newestFirst: true })));
}

const MAX_CELLS = 48;

/**
 * Partitions covering a bounding box, so that a page reads about as many items as it returns:
 * - the box is covered by the finest geohash cells (precision 7…4) that need at most MAX_CELLS;
 * - cells wholly inside the box come first and carry no box filter (every item in them matches);
 *   cells crossing the box's edge come last, with the exact box as a FilterExpression.
 * A Query's Limit counts items before its filter, so reading inside cells first means a dense area
 * fills a page from items that all match, and edge cells are read only once the inside is used up. The order
 * (inside cells, then edge cells, each in geohash order) depends only on the box, so the partition
 * cursor pages it without repeats or losses.
 */
function cellPartitions(
  kind: Item['kind'],
  box: BBox,
  opts: { services?: Service[]; phases: readonly Phase[]; since?: string },
): Partition[] {
  let cells: string[] = [];
  for (let precision = 7; precision >= CELL_PRECISION; precision--) {
    cells = ngeohash.bboxes(box.minLat, box.minLng, box.maxLat, box.maxLng, precision);
    if (cells.length <= MAX_CELLS) break;
  }
  if (cells.length > MAX_CELLS) {
    // A box wider than ~150 km holds the whole jurisdiction: the phase lists plus the box filter read the same items.
    return recencyPartitions(kind, opts.services, opts.phases, opts.since, boxFilters(box, opts));
  }
  const inside: string[] = [];
  const edge: string[] = [];
  for (const cell of cells) {
    const where = placeOf(cell, box);
    if (where === 'inside') inside.push(cell);
    else if (where === 'edge') edge.push(cell);
  }
  const plain = boxFilters(undefined, opts).build();
  const boxed = boxFilters(box, opts).build();
  const partition = (cell: string, filters: Pick<Partition, 'filter' | 'names' | 'values'>): Partition => ({
    index: 'cell',
    pk: `${kind}#${cell.slice(0, CELL_PRECISION)}`,
    skCondition: 'begins_with(#sk, :cell)',
    ...filters,
    values: { ...filters.values, ':cell': cell },
  });
  return [...inside.sort().map((c) => partition(c, plain)), ...edge.sort().map((c) => partition(c, boxed))];
}

/** Whether a geohash cell lies wholly inside the box, crosses its edge, or misses it. */
function placeOf(cell: string, box: BBox): 'inside' | 'edge' | 'outside' {
  const [minLat, minLng, maxLat, maxLng] = ngeohash.decode_bbox(cell) as [number, number, number, number];
  if (maxLat < box.minLat || minLat > box.maxLat || maxLng < box.minLng || minLng > box.maxLng) return 'outside';
  if (minLat >= box.minLat && maxLat <= box.maxLat && minLng >= box.minLng && maxLng <= box.maxLng) return 'inside';
  return 'edge';
}

function boxFilters(box: BBox | undefined, opts: { services?: Service[]; phases: readonly Phase[]; since?: string }): Filters {
  const f = new Filters();
  if (box) {
    f.between('location.lat', box.minLat, box.maxLat);
    f.between('location.lng', box.minLng, box.maxLng);
  }
  if (opts.services)
    f.oneOf(
      'serviceCode',
      opts.services.map((s) => s.code),
    );
  if (opts.phases.length < PHASES.length) f.oneOf('phase', opts.phases);
  if (opts.since) f.greater('updatedAt', opts.since);
  return f;
}

/** Builds a FilterExpression with generated placeholder names, so callers never collide. */
export class Filters {
  private parts: string[] = [];
  private names: Record<string, string> = {};
  private values: Record<string, unknown> = {};
  private n = 0;

  private name(path: string): string {
    return path
      .split('.')
      .map((segment) => {
        const placeholder = `#f${this.n++}`;
        this.names[placeholder] = segment;
        return placeholder;
      })
      .join('.');
  }
  private value(v: unknown): string {
    const placeholder = `:f${this.n++}`;
    this.values[placeholder] = v;
    return placeholder;
  }
  equal(path: string, v: unknown) {
    this.parts.push(`${this.name(path)} = ${this.value(v)}`);
  }
  missing(path: string) {
    this.parts.push(`attribute_not_exists(${this.name(path)})`);
  }
  contains(path: string, v: string) {
    this.parts.push(`contains(${this.name(path)}, ${this.value(v)})`);
  }
  greater(path: string, v: unknown) {
    this.parts.push(`${this.name(path)} > ${this.value(v)}`);
  }
  between(path: string, lo: unknown, hi: unknown) {
    this.parts.push(`${this.name(path)} BETWEEN ${this.value(lo)} AND ${this.value(hi)}`);
  }
  oneOf(path: string, vs: readonly unknown[]) {
    if (vs.length === 0) this.parts.push('attribute_not_exists(PK)');
    else this.parts.push(`${this.name(path)} IN (${vs.map((v) => this.value(v)).join(', ')})`);
  }
  build(): Pick<Partition, 'filter' | 'names' | 'values'> {
    if (this.parts.length === 0) return {};
    return { filter: this.parts.join(' AND '), names: this.names, values: this.values };
  }
}
