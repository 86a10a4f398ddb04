import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every TypeScript file under a folder, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('request paths', () => {
  it('never use a DynamoDB Scan: no handler or store module names one', () => {
    const files = sources('functions');
    expect(files.length).toBeGreaterThan(20);
    // The SLA escalation job and the statistics are among them: they read through indexes and keys only.
    for (const f of ['functions/store/escalations.ts', 'functions/store/stats.ts', 'functions/store/due-lists.ts']) {
      expect(files.map((x) => x.replaceAll('\\', '/'))).toContain(f);
    }
    const scanning = files.filter((f) => /\bScan(Command|Input)\b|\.scan\(|["']Scan["']/.test(readFileSync(f, 'utf8')));
    // The one exception is maintenance, not a request path: the statistics recount (npm run rebuild:stats,
    // and the local stack's start-up) sweeps stray counter items with a keys-only Scan. No function imports it.
    const maintenance = 'functions/store/stats-rebuild.ts';
    expect(scanning.map((x) => x.replaceAll('\\', '/'))).toEqual([maintenance]);
    const importers = files.filter((f) => readFileSync(f, 'utf8').includes('stats-rebuild.js'));
    expect(importers).toEqual([]);
  });
});
