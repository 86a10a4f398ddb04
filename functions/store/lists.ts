import ngeohash from 'ngeohash';
import { PHASES, type Phase } from '../../shared/catalog/index.js';
import type { Item } from '../../shared/items.js';
import type { BBox } from '../../shared/schemas.js';
import { coverCells } from './cell-cover.js';
import { CELL_PRECISION, itemFromRecord } from './keys/items.js';
import { type Partition, queryPartitions } from './paginate.js';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** What narrows a list inside the partitions it reads. Every field is optional; `phases` defaults to all. */
export interface ItemFilter {
  serviceCodes?: readonly string[];
  phases?: readonly Phase[];
  /** Changed after this ISO time. */
  since?: string;
  /** Last changed in this month, `yyyy-mm` (a key condition on the recency indexes). */
  month?: string;
  status?: string;
  priority?: string;
  /** Only items nobody owns. */
  unassigned?: boolean;
  /** Public lists: leave out reports staff hid (docs/moderation.md). */
  visibleOnly?: boolean;
  /** In this area (ward, district): the area index, or a filter where another index leads. */
  area?: string;
  /** In this team's queue (catalog routing). */
  team?: string;
  /** Created in this window (ISO times, inclusive): Open311's start_date/end_date. */
  created?: { from: string; to: string };
}

/** A service's waiting items in queue order, each with its position. */
export async function listQueuePage(serviceCode: string, limit: number, cursor?: string): Promise<Page<Item & { position: number }>> {
  const { records, nextCursor, offset } = await queryPartitions([{ index: 'queue', pk: serviceCode }], limit, cursor);
  return { items: records.map((r, i) => ({ ...itemFromRecord(r), position: offset + i + 1 })), nextCursor };
}

/** Items of a kind, most recently changed first: the phase index, or the service index when services are named. */
export async function listRecentPage(kind: Item['kind'], filter: ItemFilter, limit: number, cursor?: string): Promise<Page<Item>> {
  return page(recencyPartitions(kind, filter, filter.area ? areaFilters(filter) : fieldFilters(filter)), limit, cursor);
}

/** One assignee's items, most recently changed first. */
export async function listAssignedPage(assignee: string, filter: ItemFilter, limit: number, cursor?: string): Promise<Page<Item>> {
  const filters = fieldFilters(filter);
  if (filter.serviceCodes) filters.oneOf('serviceCode', filter.serviceCodes);
  if (filter.phases) filters.oneOf('phase', filter.phases);
  if (filter.area) filters.equal('area.id', filter.area);
  return page([{ index: 'assignee', pk: assignee, newestFirst: true, ...filters.build() }], limit, cursor);
}

/** Located items of a kind inside a bounding box (see boxPartitions for the read order); no box, no items (and no cursor fits). */
export async function listInBoxPage(
  kind: Item['kind'],
  box: BBox | undefined,
  filter: ItemFilter,
  limit: number,
  cursor?: string,
): Promise<Page<Item>> {
  return page(box ? boxPartitions(kind, box, filter) : [], limit, cursor);
}

async function page(partitions: Partition[], limit: number, cursor?: string): Promise<Page<Item>> {
  const { records, nextCursor } = await queryPartitions(partitions, limit, cursor);
  return { items: records.map(itemFromRecord), nextCursor };
}

/** Filters on fields no index key holds: status, priority, unassigned. */
function fieldFilters(filter: ItemFilter): Filters {
  const filters = new Filters();
  if (filter.status) filters.equal('status', filter.status);
  if (filter.priority) filters.equal('priority', filter.priority);
  if (filter.unassigned) filters.missing('assignee');
  if (filter.visibleOnly) filters.missing('hidden');
  if (filter.team) filters.equal('team', filter.team);
  if (filter.created) filters.between('createdAt', filter.created.from, filter.created.to);
  return filters;
}

/** Filters the area index's partitions need: the services, which its key does not hold. */
function areaFilters(filter: ItemFilter): Filters {
  const filters = fieldFilters(filter);
  if (filter.serviceCodes) filters.oneOf('serviceCode', filter.serviceCodes);
  return filters;
}

function recencyPartitions(kind: Item['kind'], filter: ItemFilter, filters: Filters): Partition[] {
  const phases = filter.phases ?? PHASES;
  const skCondition = filter.since
    ? { skCondition: '#sk > :since', values: { ':since': filter.since } }
    : filter.month
      ? { skCondition: 'begins_with(#sk, :month)', values: { ':month': filter.month } }
      : {};
  const built = filters.build();
  const merge = (p: Partition): Partition => ({ ...p, ...built, ...skCondition, values: { ...built.values, ...skCondition.values } });
  if (filter.area) return phases.map((phase) => merge({ index: 'area', pk: `${kind}#${filter.area}#${phase}`, newestFirst: true }));
  if (!filter.serviceCodes) return phases.map((phase) => merge({ index: 'phase', pk: `${kind}#${phase}`, newestFirst: true }));
  return filter.serviceCodes.flatMap((code) =>
    phases.map((phase) => merge({ index: 'service', pk: `${code}#${phase}`, newestFirst: true })),
  );
}

/**
 * Partitions covering a bounding box, so that a page reads about as many items as it returns:
 * - the box is covered by the finest geohash cells (precision 7…4) that need at most MAX_CELLS, a
 *   number worked out before any cell is listed (cellCount), so no box can make this list millions;
 * - cells wholly inside the box come first and carry no box filter (every item in them matches);
 *   cells crossing the box's edge come last, with the exact box as a FilterExpression.
 * A Query's Limit counts items before its filter, so reading inside cells first means a dense area
 * fills a page from items that all match, and edge cells are read only once the inside is used up. The order
 * (inside cells, then edge cells, each in geohash order) depends only on the box, so the partition
 * cursor pages it without repeats or losses.
 */
export function boxPartitions(kind: Item['kind'], box: BBox, opts: ItemFilter): Partition[] {
  const cells = coverCells(box);
  if (!cells) {
    // More than MAX_CELLS even at the cell index's precision (~40 km cells): the phase lists plus the box filter.
    return recencyPartitions(kind, opts, boxFilters(box, opts));
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

function boxFilters(box: BBox | undefined, opts: ItemFilter): Filters {
  const f = fieldFilters(opts);
  if (box) {
    f.between('location.lat', box.minLat, box.maxLat);
    f.between('location.lng', box.minLng, box.maxLng);
  }
  if (opts.serviceCodes) f.oneOf('serviceCode', opts.serviceCodes);
  if (opts.phases && opts.phases.length < PHASES.length) f.oneOf('phase', opts.phases);
  if (opts.since) f.greater('updatedAt', opts.since);
  if (opts.month) f.beginsWith('updatedAt', opts.month);
  if (opts.area) f.equal('area.id', opts.area);
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
  beginsWith(path: string, prefix: string) {
    this.parts.push(`begins_with(${this.name(path)}, ${this.value(prefix)})`);
  }
  atMost(path: string, v: unknown) {
    this.parts.push(`${this.name(path)} <= ${this.value(v)}`);
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
