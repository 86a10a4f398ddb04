import { batchPut, isSeeded, markSeeded, recordsOf } from '../../functions/store/bulk.js';
import { demoReports } from './demo-data.js';

/** Loads `count` demo reports, in chunks so 100,000 never sit in memory at once. */
export async function seedReports(
  count: number,
  onProgress?: (done: number, total: number) => void,
  seed = Date.now() % 100_000,
): Promise<number> {
  const CHUNK = 2000;
  let done = 0;
  let chunk: Record<string, unknown>[] = [];
  let inChunk = 0;
  const flush = async () => {
    await batchPut(chunk, 16);
    done += inChunk;
    chunk = [];
    inChunk = 0;
    onProgress?.(done, count);
  };
  for (const { item, history } of demoReports(count, seed)) {
    chunk.push(...recordsOf(item, history));
    if (++inChunk === CHUNK) await flush();
  }
  if (inChunk) await flush();
  return done;
}

/** Seeds the demo city on first start only; a restart keeps whatever is there. */
export async function seedIfEmpty(count: number, onProgress?: (done: number, total: number) => void): Promise<number> {
  if (count <= 0 || (await isSeeded())) return 0;
  const done = await seedReports(count, onProgress, 2026);
  await markSeeded(done);
  return done;
}
