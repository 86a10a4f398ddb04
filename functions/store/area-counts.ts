import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AreaRef } from '../../shared/areas/index.js';
import { PHASES, type Phase } from '../../shared/catalog/index.js';
import type { Item } from '../../shared/items.js';
import { db, tableName } from './client.js';
import { type Delta, netDeltas } from './deltas.js';
import { AREA_COUNTS_PK, areaCountSK, counterRecord } from './keys/counters.js';
import { queryAllPages } from './paginate.js';

/**
 * Reports per area and phase (waiting / in progress / finished): the `/areas/` page's counts. Derived
 * data kept by the counters' stream consumer (store/queue-count-stream.ts), with its markers and shards,
 * all in one partition, so one Query reads every area's counts:
 *
 *   ACOUNT  <areaId>#<phase>#<shard>  n
 */

export type AreaFields = Pick<Item, 'kind' | 'phase' | 'hidden'> & { area?: AreaRef };

function areaKey(item: AreaFields | undefined): { PK: string; SK: string } | undefined {
  // A report staff hid leaves the public counts, as it leaves the public lists (docs/moderation.md).
  if (item?.kind !== 'report' || !item.area || item.hidden) return undefined;
  return { PK: AREA_COUNTS_PK, SK: areaCountSK(item.area.id, item.phase) };
}

/** The net change to each area counter when items go from `before` to `after`. */
export const areaDeltas = (changes: { before?: AreaFields; after?: AreaFields }[]): Delta[] =>
  netDeltas(changes, (item) => {
    const key = areaKey(item);
    return key ? [key] : [];
  });

export type PhaseCounts = Record<Phase, number>;

/** Every area's counts per phase (areas with no reports are absent): one strongly consistent Query. */
export async function areaCounts(): Promise<Map<string, PhaseCounts>> {
  const counts = new Map<string, PhaseCounts>();
  const pages = queryAllPages({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': AREA_COUNTS_PK },
    ProjectionExpression: 'SK, n',
    ConsistentRead: true,
  });
  for await (const page of pages) {
    for (const row of page.Items ?? []) {
      const parts = String(row.SK).split('#');
      const phase = parts[parts.length - 2] as Phase;
      const id = parts.slice(0, -2).join('#');
      const entry = counts.get(id) ?? { waiting: 0, in_progress: 0, done: 0 };
      if (PHASES.includes(phase)) entry[phase] += Number(row.n ?? 0);
      counts.set(id, entry);
    }
  }
  return counts;
}

/**
 * Recounts every area counter from the area index (one COUNT Query per area and phase): the `rebuild`
 * of this view. Shard 0 gets the count, the other shards zero. Only while the consumer is stopped or
 * has caught up with nothing writing.
 */
export async function rebuildAreaCounts(areaIds: string[]): Promise<void> {
  const stored = new Set<string>();
  for await (const page of queryAllPages({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': AREA_COUNTS_PK },
    ProjectionExpression: 'SK',
  })) {
    for (const row of page.Items ?? []) stored.add(String(row.SK));
  }
  const counts = new Map<string, number>([...stored].map((sk) => [sk, 0]));
  for (const id of areaIds) {
    for (const phase of PHASES) {
      let n = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const out = await db().send(
          new QueryCommand({
            TableName: tableName(),
            IndexName: 'area',
            KeyConditionExpression: 'areaPK = :pk',
            ExpressionAttributeValues: { ':pk': `report#${id}#${phase}` },
            FilterExpression: 'attribute_not_exists(#hidden)',
            ExpressionAttributeNames: { '#hidden': 'hidden' },
            Select: 'COUNT',
            ExclusiveStartKey: start,
          }),
        );
        n += out.Count ?? 0;
        start = out.LastEvaluatedKey;
      } while (start);
      counts.set(`${areaCountSK(id, phase)}#0`, n);
    }
  }
  for (const [sk, n] of counts) {
    await db().send(new PutCommand({ TableName: tableName(), Item: { ...counterRecord('', sk, n), PK: AREA_COUNTS_PK } }));
  }
}
