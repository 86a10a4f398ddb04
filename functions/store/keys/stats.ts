import type { Contribution, Interval, StatsScope } from '../../../shared/sla/index.js';

/**
 * Keys of the statistics view (store/stats.ts), kept by its stream consumer:
 *
 *   STATS#<M|W>#<service|*>#<area|*>  P#<period>#<shard>   one item per period: counters as attributes
 *                                                          (created, closed, c<bucket>, rDue, rOn, fr, f<bucket>, fDue, fOn)
 *   STATS#OPEN#<service|*>#<area|*>   OPEN#<shard>         the backlog: open reports per local creation day (d<yyyy-mm-dd>)
 *   SAPPLIED#<stream eventID>         #SAPPLIED            this stream record is in the statistics (TTL 2 days)
 *   META#STATS                        #META                statistics built from the items
 *
 * A period's counters live on one item (a few hundred attributes at most: the histograms' buckets), so
 * reading a year of months is one Query of 12 × STATS_SHARDS small items, whatever the number of reports.
 * Each batch of stream records writes to one shard picked at random; a bulk load (an import) to a shard of
 * its own (`L<load id>`); readers add the shards up.
 */
export const STATS_SHARDS = 4;

const intervalCode = (interval: Interval) => (interval === 'month' ? 'M' : 'W');

export const periodPK = (interval: Interval, scope: StatsScope) => `STATS#${intervalCode(interval)}#${scope.service}#${scope.area}`;
export const periodSK = (period: string, shard: number) => `P#${period}#${shard}`;
export const backlogPK = (scope: StatsScope) => `STATS#OPEN#${scope.service}#${scope.area}`;
export const backlogSK = (shard: number) => `OPEN#${shard}`;

/** The item (before sharding) a contribution counts on, as `PK\nSK-prefix`. */
export function counterItemOf(c: Contribution): { PK: string; SKPrefix: string } {
  if (c.kind === 'backlog') return { PK: backlogPK(c.scope), SKPrefix: 'OPEN' };
  return { PK: periodPK(c.interval, c.scope), SKPrefix: `P#${c.period}` };
}

export const shardedSK = (prefix: string, shard: number | string) => `${prefix}#${shard}`;
/**
 * The shard a bulk load (an import run) writes its counts to: its own (`L<load id>`), so they are plain
 * puts (BatchWriteItem, 25 a call) rather than one UpdateItem per counter item, with no other writer
 * to race. Readers add every shard up, so a load adds one small item per period it touches.
 */
export const loadShard = (loadId: string) => `L${loadId}`;

export function statsAppliedMarker(eventId: string, nowMs: number): Record<string, unknown> {
  return { PK: `SAPPLIED#${eventId}`, SK: '#SAPPLIED', entity: 'stats-applied', expiresAt: Math.floor(nowMs / 1000) + 2 * 86_400 };
}

export const STATS_READY_KEY = { PK: 'META#STATS', SK: '#META' };
