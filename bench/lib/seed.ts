import { ulid } from 'ulid';
import { batchPut, loadedItemRecord, recordsOf } from '../../functions/store/bulk.js';
import { countBulkLoaded } from '../../functions/store/queue-counts.js';
import { countStatsBulkLoaded } from '../../functions/store/stats-stream.js';
import { demoReports } from '../../infra/local/demo-data.js';
import { getService } from '../../shared/catalog/index.js';
import { type Item, newReport } from '../../shared/items.js';
import { newReference } from '../../shared/reference.js';

export interface SeededItem {
  id: string;
  phase: Item['phase'];
  serviceCode: string;
}

/**
 * Loads `count` demo reports straight into the table with BatchWriteItem, never through the API. Every
 * item record is the one the store writes (same key builders, so every index sees it as it would);
 * only every `sampleEvery`-th item also gets its reference and history records, and those items are
 * returned as the sample that item reads ask for. Writing history for all 100k would triple the seeding
 * time on DynamoDB Local while no list or queue read touches it.
 */
export async function seedReports(
  count: number,
  opts: { seed: number; sampleEvery?: number; onProgress?: (done: number) => void },
): Promise<SeededItem[]> {
  const every = opts.sampleEvery ?? Math.max(1, Math.floor(count / 200));
  const sample: SeededItem[] = [];
  let seen = 0;
  let chunk: Record<string, unknown>[] = [];
  // Counted every 100,000 items (the counters add): a few thousand counter updates per count, against
  // one per counter per chunk, and memory bounded for a load of a million.
  let queued: Parameters<typeof countBulkLoaded>[0] = [];
  let forStats: Item[] = [];
  const countLoaded = async () => {
    await countBulkLoaded(queued);
    await countStatsBulkLoaded(forStats);
    queued = [];
    forStats = [];
  };
  const flush = async () => {
    await batchPut(chunk, 16);
    opts.onProgress?.(seen);
    chunk = [];
    if (queued.length >= 100_000) await countLoaded();
  };
  for (const { item, history } of demoReports(count, opts.seed)) {
    forStats.push(item);
    queued.push({
      kind: item.kind,
      phase: item.phase,
      serviceCode: item.serviceCode,
      priority: item.priority,
      createdAt: item.createdAt,
      updatedAt: item.updatedAt,
      location: item.location,
      area: item.area,
      hidden: item.hidden,
    });
    if (seen++ % every === 0) {
      sample.push({ id: item.id, phase: item.phase, serviceCode: item.serviceCode });
      chunk.push(...recordsOf(item, history, { countedOnLoad: true }));
    } else chunk.push(loadedItemRecord(item, { countedOnLoad: true }));
    if (chunk.length >= 5000) await flush();
  }
  if (chunk.length) await flush();
  if (queued.length) await countLoaded();
  return sample;
}

/** `count` fresh reports in the workflow's initial state, for write benchmarks that need an item each. */
export async function seedFreshReports(count: number, serviceCode = 'pothole'): Promise<string[]> {
  const service = getService(serviceCode);
  const records: Record<string, unknown>[] = [];
  const ids: string[] = [];
  const items: Item[] = [];
  for (let i = 0; i < count; i++) {
    const now = new Date().toISOString();
    const change = newReport(
      service,
      { serviceCode, description: `Bench report ${i}`, location: { lat: 51.45 + i * 1e-6, lng: -2.59 } },
      { id: ulid(), reference: newReference(), now, eventId: ulid() },
    );
    ids.push(change.item.id);
    items.push(change.item);
    records.push(...recordsOf(change.item, change.events, { countedOnLoad: true }));
  }
  await batchPut(records, 16);
  await countBulkLoaded(items);
  await countStatsBulkLoaded(items);
  return ids;
}
