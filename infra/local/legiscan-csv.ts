import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { LegiscanExport } from '../../shared/bills/legiscan.js';

const FILES = ['bills', 'history', 'sponsors', 'people', 'rollcalls', 'votes'] as const;

/** Reads the six CSV files of a LegiScan export folder; a missing file is an error naming it. */
export function readLegiscanFolder(folder: string): LegiscanExport {
  const missing = FILES.filter((f) => !existsSync(join(folder, `${f}.csv`)));
  if (missing.length) throw new Error(`${folder} is not a LegiScan CSV export: missing ${missing.map((f) => `${f}.csv`).join(', ')}`);
  const read = (f: string) =>
    parse(readFileSync(join(folder, `${f}.csv`), 'utf8'), {
      columns: true,
      skip_empty_lines: true,
      bom: true,
      relax_column_count: true,
    }) as Record<string, string>[];
  return Object.fromEntries(FILES.map((f) => [f, read(f)])) as unknown as LegiscanExport;
}

/**
 * The session name for LegiScan session ids: `explicit` if given, else a "2025-2026" found in the folder
 * name (exports are named like legiscan-ak-2025-2026), else "legiscan-<session_id>".
 */
export function sessionNamer(folder: string, explicit?: string): (sessionId: string) => string {
  const fromFolder = /(\d{4}-\d{4})/.exec(basename(folder))?.[1];
  return (sessionId) => explicit ?? fromFolder ?? `legiscan-${sessionId}`;
}
