import { batchPut, ensureUniqueReferences, isSeeded, markSeeded, recordsOf } from '../../functions/store/bulk.js';
import { countBulkLoaded } from '../../functions/store/queue-counts.js';
import { countStatsBulkLoaded } from '../../functions/store/stats-stream.js';
import type { HistoryEvent, Item } from '../../shared/items.js';
import { demoReports } from './demo-data.js';

/** Loads `count` demo reports, in chunks so 100,000 never sit in memory at once. */
export async function seedReports(
  count: number,
  onProgress?: (done: number, total: number) => void,
  seed = Date.now() % 100_000,
): Promise<number> {
  const CHUNK = 2000;
  // Queue counters are added every 10 chunks: each counter once per 20,000 reports, not once per chunk.
  const COUNT_EVERY = 10 * CHUNK;
  let done = 0;
  let chunk: { item: Item; history: HistoryEvent[] }[] = [];
  let uncounted: Item[] = [];
  // References are random; a bulk write has no uniqueness condition, so clashes are checked here.
  const taken = new Set<string>();
  const flush = async () => {
    const items = chunk.map((c) => c.item);
    await ensureUniqueReferences(items, taken);
    await batchPut(
      chunk.flatMap((c) => recordsOf(c.item, c.history, { countedOnLoad: true })),
      16,
    );
    uncounted.push(...items);
    if (uncounted.length >= COUNT_EVERY) {
      await countBulkLoaded(uncounted);
      await countStatsBulkLoaded(uncounted);
      uncounted = [];
    }
    done += chunk.length;
    chunk = [];
    onProgress?.(done, count);
  };
  for (const report of demoReports(count, seed)) {
    chunk.push(report);
    if (chunk.length === CHUNK) await flush();
  }
  if (chunk.length) await flush();
  await countBulkLoaded(uncounted);
  await countStatsBulkLoaded(uncounted);
  return done;
}

/** Seeds the demo city on first start only; a restart keeps whatever is there. */
export async function seedIfEmpty(count: number, onProgress?: (done: number, total: number) => void): Promise<number> {
  if (count <= 0 || (await isSeeded())) return 0;
  const done = await seedReports(count, onProgress, 2026);
  await markSeeded(done);
  return done;
}
