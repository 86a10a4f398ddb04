import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { PHASES, type Phase } from '../../shared/catalog/index.js';
import type { Item } from '../../shared/items.js';
import { type CellCount, cellsOf, type MapPrecision, tileOf } from '../../shared/map-cells.js';
import { db, tableName } from './client.js';
import { type Delta, netDeltas } from './deltas.js';
import { counterRecord, MAP_CELLS_READY_KEY, mapCellSK, mapTilePK } from './keys/counters.js';
import { queryAllPages } from './paginate.js';

/**
 * Reports per geohash cell and phase, for the home map zoomed out (shared/map-cells.ts). Derived data
 * kept by the counters' stream consumer (store/queue-count-stream.ts), with its markers and shards, so
 * a batch of records adds one update per cell touched; a reader sums one tile's partition.
 *
 *   MCELL#<service | *>#<precision>#<tile>  <cell>#<phase>#<shard>  n
 */

export type MapFields = Pick<Item, 'kind' | 'phase' | 'serviceCode' | 'location' | 'hidden'>;

/** The cell counters a report is in: its cell at every kept precision, for its service and for all. */
function cellKeys(item: MapFields | undefined): { PK: string; SK: string }[] {
  // Hidden reports leave the public map as they leave the public lists (docs/moderation.md).
  if (item?.kind !== 'report' || !item.location || item.hidden || !PHASES.includes(item.phase)) return [];
  return cellsOf(item.location).flatMap(({ precision, cell }) =>
    [undefined, item.serviceCode].map((service) => ({ PK: mapTilePK(precision, tileOf(cell), service), SK: mapCellSK(cell, item.phase) })),
  );
}

/** The net change to each cell counter when items go from `before` to `after` (a move or a phase change is -1 and +1). */
export const cellDeltas = (changes: { before?: MapFields; after?: MapFields }[]): Delta[] => netDeltas(changes, cellKeys);

/**
 * One tile's cells with their counts per phase (cells with none left out), of one service or all: one
 * Query of at most 1,024 cells × 3 phases × the counter shards, whatever the number of reports.
 */
export async function tileCells(precision: MapPrecision, tile: string, serviceCode?: string): Promise<CellCount[]> {
  const cells = new Map<string, CellCount>();
  const pages = queryAllPages({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': mapTilePK(precision, tile, serviceCode) },
    ProjectionExpression: 'SK, n',
  });
  for await (const page of pages) {
    for (const row of page.Items ?? []) {
      const [cell, phase] = String(row.SK).split('#') as [string, Phase];
      if (!PHASES.includes(phase)) continue;
      const entry = cells.get(cell) ?? { cell, waiting: 0, in_progress: 0, done: 0 };
      entry[phase] += Number(row.n ?? 0);
      cells.set(cell, entry);
    }
  }
  return [...cells.values()].filter((c) => c.waiting + c.in_progress + c.done > 0).sort((a, b) => (a.cell < b.cell ? -1 : 1));
}

/**
 * Counts every report into the map cells once, from the phase index: for a table written before the
 * map cells existed, at start-up, before the counters' consumer runs (as ensureQueueCounts). Shard 0
 * gets the count and the tile's other stored counters zero. O(reports): never on a request path.
 */
export async function ensureMapCells(): Promise<'ready' | 'rebuilt'> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: MAP_CELLS_READY_KEY, ConsistentRead: true }));
  if (Item) return 'ready';
  await rebuildMapCells();
  await db().send(
    new PutCommand({ TableName: tableName(), Item: { ...MAP_CELLS_READY_KEY, entity: 'meta', at: new Date().toISOString() } }),
  );
  return 'rebuilt';
}

/** The `rebuild` of this view: recounts the cells of every tile that holds a report. Only while nothing writes. */
export async function rebuildMapCells(): Promise<void> {
  const items: MapFields[] = [];
  for (const phase of PHASES) {
    const pages = queryAllPages({
      TableName: tableName(),
      IndexName: 'phase',
      KeyConditionExpression: 'phasePK = :pk',
      ExpressionAttributeValues: { ':pk': `report#${phase}` },
      ProjectionExpression: 'kind, phase, serviceCode, #location, #hidden',
      ExpressionAttributeNames: { '#hidden': 'hidden', '#location': 'location' },
    });
    for await (const page of pages) items.push(...((page.Items ?? []) as MapFields[]));
  }
  const counts = new Map(cellDeltas(items.map((after) => ({ after }))).map(({ key, delta }) => [`${key.PK}\n${key.SK}#0`, delta]));
  for (const pk of new Set([...counts.keys()].map((id) => id.split('\n')[0] as string))) {
    for await (const page of queryAllPages({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ProjectionExpression: 'SK',
    })) {
      for (const row of page.Items ?? []) if (!counts.has(`${pk}\n${row.SK}`)) counts.set(`${pk}\n${row.SK}`, 0);
    }
  }
  const writes = [...counts].map(([id, n]) => {
    const [PK, SK] = id.split('\n') as [string, string];
    return { ...counterRecord('', SK, n), PK };
  });
  for (let i = 0; i < writes.length; i += 16) {
    await Promise.all(writes.slice(i, i + 16).map((Item) => db().send(new PutCommand({ TableName: tableName(), Item }))));
  }
}
