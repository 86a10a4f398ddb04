/**
 * Keys of the counters the stream keeps (queue counters: store/queue-counts.ts; finished per month:
 * store/done-counts.ts) and of the records their consumer keeps (store/queue-count-stream.ts):
 *
 *   QCOUNT#<service> M#<rank>#<yyyy-mm>#<shard> | D#<yyyy-mm>#<rank>#<dd>#<shard>   n
 *   DONE#<service | *> M#<yyyy-mm>#<shard>                                        n: finished reports last changed that month
 *   ACOUNT <areaId>#<phase>#<shard>                                               n: reports in that area and phase
 *   QAPPLIED#<stream eventID> #QAPPLIED                                          this stream record is in the counters (TTL 2 days)
 *   META#QCOUNT #META#2                                                          counters built (sharded layout)
 *   META#SEED   #META                                                            demo data loaded
 *
 * Each counter is split over COUNTER_SHARDS items (the shard is the last part of the SK): the consumer
 * writes a batch's deltas to one shard picked at random, so two consumers (two stream shards) rarely
 * touch the same item, and a reader sums the shards with the same one Query per range, since a shard
 * sorts right after the counter it belongs to.
 */
export const COUNTER_SHARDS = 4;

export const counterPK = (serviceCode: string) => `QCOUNT#${serviceCode}`;
export const monthSK = (rank: number, month = '') => `M#${rank}#${month}`;
/**
 * A day counter: month first, so one Query reads a month's days at every priority (a position needs
 * the days of one month at each priority up to its own: one read, not one per priority).
 */
export const daySK = (rank: number, day: string) => `D#${day.slice(0, 7)}#${rank}#${day.slice(8, 10)}`;
export const monthDaysSK = (month: string) => `D#${month}#`;
/** One shard of a counter: `M#2#2026-09` → `M#2#2026-09#3`. */
export const shardSK = (sk: string, shard: number | string) => `${sk}#${shard}`;

/** Reports per area and phase, every area in one partition: see store/area-counts.ts. */
export const AREA_COUNTS_PK = 'ACOUNT';
export const areaCountSK = (areaId: string, phase: string) => `${areaId}#${phase}`;

/** Finished reports per month, of one service or of all (`*`): see store/done-counts.ts. */
export const doneCounterPK = (serviceCode?: string) => `DONE#${serviceCode ?? '*'}`;

export function counterRecord(serviceCode: string, sk: string, n: number): Record<string, unknown> {
  return { PK: counterPK(serviceCode), SK: sk, entity: 'queue-count', n };
}

/** Marks a stream record as counted; it outlives the stream's 24 h retention, so a redelivery always finds it. */
export function appliedMarker(eventId: string, nowMs: number): Record<string, unknown> {
  return { PK: `QAPPLIED#${eventId}`, SK: '#QAPPLIED', entity: 'queue-count-applied', expiresAt: Math.floor(nowMs / 1000) + 2 * 86_400 };
}

/** The bulk-load flag on an item record: its INSERT was counted by the loader, not the stream. */
export const COUNTED_ON_LOAD = 'countedOnLoad';

export const COUNTERS_READY_KEY = { PK: 'META#QCOUNT', SK: '#META#2' };
export const SEEDED_KEY = { PK: 'META#SEED', SK: '#META' };

/**
 * Reports per map cell and phase (store/map-cells.ts), of one service or all (`*`): one partition per
 * tile (the cells of one precision under one shorter cell, shared/map-cells.ts), so a tile is one Query.
 *
 *   MCELL#<service | *>#<precision>#<tile>  <cell>#<phase>#<shard>  n
 */
export const mapTilePK = (precision: number, tile: string, serviceCode?: string) => `MCELL#${serviceCode ?? '*'}#${precision}#${tile}`;
export const mapCellSK = (cell: string, phase: string) => `${cell}#${phase}`;
/** Map cells built (a table from before them is counted once at start-up). */
export const MAP_CELLS_READY_KEY = { PK: 'META#MCELL', SK: '#META#1' };
