import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { parse } from 'csv-parse';
import { ulid } from 'ulid';
import { countImported, countingFields, loadNewItems, storedItems, updateImportedItem } from '../../functions/store/import-311.js';
import { areaIndex } from '../../shared/areas/chosen.js';
import { catalog, findService } from '../../shared/catalog/index.js';
import { type Mapping, MappingError, mappedColumns, parseMapping } from '../../shared/import311/mapping.js';
import { type MappedRow, mapRow, type RowContext } from '../../shared/import311/rows.js';
import type { HistoryEvent, Item } from '../../shared/items.js';
import { jurisdiction } from '../../shared/jurisdiction/index.js';
import { newReference } from '../../shared/reference.js';
import { routeTeam } from '../../shared/routing.js';

export interface Import311Progress {
  rows: number;
  bytes: number;
  totalBytes: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface Import311Summary extends Omit<Import311Progress, 'bytes' | 'totalBytes'> {
  /** Rows that could not be mapped (or changed under staff meanwhile), with their line numbers. */
  problems: { line: number; reason: string }[];
  seconds: number;
  /** Seconds spent in each kind of table work (they overlap with parsing, not with each other). */
  phases: { lookups: number; writes: number; updates: number; counters: number };
}

/**
 * Rows mapped and written together: one BatchGetItem pass and two BatchWriteItem rounds per chunk.
 * The next chunk is parsed while one is written, so at most two chunks' rows are held.
 */
const CHUNK = 2000;

/** Reads and validates a mapping file against the chosen jurisdiction's catalog. */
export function readMapping(file: string): Mapping {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new MappingError(file, [{ path: '', message: `cannot read it as JSON: ${(err as Error).message}` }]);
  }
  return parseMapping(json, catalog, file);
}

/** The mapped content a re-import compares: equal hashes mean the row has not changed since it was imported. */
const hashOf = (row: MappedRow) =>
  createHash('sha256')
    .update(JSON.stringify([row.item, row.events]))
    .digest('base64url')
    .slice(0, 22);

function changedFields(before: Item, after: Item): string[] {
  const keys = ['serviceCode', 'title', 'description', 'status', 'location', 'address', 'closedAt', 'resolution', 'sla', 'area'] as const;
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/**
 * The history a changed row leaves: the row's own (created, and closed or its state, at the source's
 * times: a state change is told by those), plus, when the state did not change, a note of which fields
 * the source changed. Replaces the item's previous imported history, so re-imports never pile up events.
 */
function updatedHistory(before: Item, after: Item, rowEvents: HistoryEvent[], mapping: Mapping, hash: string): HistoryEvent[] {
  if (before.status !== after.status) return rowEvents;
  const note = `Updated from ${mapping.source}: ${changedFields(before, after).join(', ') || 'details'}`;
  const actor = { type: 'import' as const, system: mapping.source };
  return [
    ...rowEvents,
    { id: `${after.id}-u-${hash}`, actor, note, visibility: 'public', at: after.updatedAt, type: 'field', field: 'import' },
  ];
}

/**
 * Imports a city's 311 CSV export (SPEC §8) into the table the store is configured for: streamed with
 * csv-parse (never the whole file in memory), mapped row by row, written in chunks. Idempotent by
 * source + id: an unchanged row writes nothing; a changed one updates its item with an event; a row
 * that cannot be mapped is listed with its line number and never stops the import.
 */
export async function import311(
  csvFile: string,
  mapping: Mapping,
  opts: { onProgress?: (p: Import311Progress) => void; concurrency?: number } = {},
): Promise<Import311Summary> {
  const started = Date.now();
  const totalBytes = statSync(csvFile).size;
  const index = areaIndex();
  const ctx: RowContext = { findService, bounds: jurisdiction.bounds, locate: (p) => index.locate(p), routeTeam };
  const s: Import311Progress = { rows: 0, bytes: 0, totalBytes, created: 0, updated: 0, unchanged: 0, skipped: 0 };
  const problems: Import311Summary['problems'] = [];
  const seen = new Map<string, number>();
  const taken = new Set<string>();
  const wanted = mappedColumns(mapping);

  const parser = createReadStream(csvFile).pipe(
    parse({
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      columns: (header: string[]) => {
        const missing = wanted.filter((c) => !header.includes(c));
        if (missing.length) throw new Error(`the CSV has no column ${missing.map((c) => `"${c}"`).join(', ')} (the mapping names it)`);
        return header.map((h, i) => h || `__column${i}`);
      },
    }),
  );

  let chunk: MappedRow[] = [];
  // The new items' counting fields: the counters and statistics take them in one pass at the end.
  const toCount: Item[] = [];
  const phases = { lookups: 0, writes: 0, updates: 0, counters: 0 };
  const timed = async <T>(phase: keyof typeof phases, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      phases[phase] += (performance.now() - t0) / 1000;
    }
  };
  const flush = async (rows: MappedRow[]) => {
    if (!rows.length) return;
    const stored = await timed('lookups', () => storedItems(rows.map((r) => r.item.id)));
    const fresh: Item[] = [];
    const changed: { after: Item; version: number; line: number }[] = [];
    for (const row of rows) {
      const hash = hashOf(row);
      const before = stored.get(row.item.id);
      if (!before) {
        fresh.push({
          ...row.item,
          source: { ...row.item.source, system: mapping.source, hash },
          reference: newReference(),
          version: 1,
          importedHistory: row.events,
        });
        continue;
      }
      if (before.source?.hash === hash) {
        s.unchanged++;
        continue;
      }
      const after: Item = {
        ...before,
        ...row.item,
        source: { system: mapping.source, id: row.item.source?.id, hash },
        reference: before.reference,
        version: before.version + 1,
      };
      // Fields the row no longer has are gone from the item too.
      for (const k of ['location', 'area', 'address', 'closedAt', 'resolution', 'sla'] as const) if (!(k in row.item)) delete after[k];
      after.importedHistory = updatedHistory(before, after, row.events, mapping, hash);
      changed.push({ after, version: before.version, line: row.line });
    }
    await timed('writes', () => loadNewItems(fresh, taken, opts.concurrency));
    for (const item of fresh) toCount.push(countingFields(item));
    s.created += fresh.length;
    // Changed rows are rare (a re-import of an export taken later): a few at a time, each its own transaction.
    const t0 = performance.now();
    for (let i = 0; i < changed.length; i += 8) {
      await Promise.all(
        changed.slice(i, i + 8).map(async ({ after, version, line }) => {
          const outcome = await updateImportedItem(after, version);
          if (outcome === 'updated') s.updated++;
          else problems.push({ line, reason: 'the item changed on the board while importing; run the import again' });
        }),
      );
    }
    phases.updates += (performance.now() - t0) / 1000;
  };
  // One chunk is written while the next is parsed and mapped.
  let writing: Promise<void> = Promise.resolve();
  const hand = async () => {
    const rows = chunk;
    chunk = [];
    await writing;
    writing = flush(rows);
    // A failed write surfaces at the next hand-over or at the end, not as an unhandled rejection.
    writing.catch(() => {});
  };

  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number; bytes: number };
  }>) {
    s.rows++;
    s.bytes = info.bytes;
    const outcome = mapRow(record, info.lines, mapping, ctx);
    if (!outcome.ok) {
      problems.push({ line: outcome.line, reason: outcome.reason });
      s.skipped++;
    } else {
      const first = seen.get(outcome.row.item.id);
      if (first !== undefined) {
        problems.push({
          line: outcome.row.line,
          reason: `id "${outcome.row.item.source?.id}" appeared already on line ${first}; this row is ignored`,
        });
        s.skipped++;
      } else {
        seen.set(outcome.row.item.id, outcome.row.line);
        chunk.push(outcome.row);
        if (chunk.length >= CHUNK) await hand();
      }
    }
    if (s.rows % 250 === 0) opts.onProgress?.({ ...s });
  }
  await hand();
  await writing;
  await timed('counters', () => countImported(toCount, ulid()));
  s.bytes = totalBytes;
  opts.onProgress?.({ ...s });
  problems.sort((a, b) => a.line - b.line);
  const { bytes: _b, totalBytes: _t, ...counts } = s;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    ...counts,
    problems,
    seconds: (Date.now() - started) / 1000,
    phases: {
      lookups: round(phases.lookups),
      writes: round(phases.writes),
      updates: round(phases.updates),
      counters: round(phases.counters),
    },
  };
}
