import { describe, expect, it } from 'vitest';
import type { Item } from '../../shared/items.js';
import { createReport, useTestTable } from '../support/api.js';

describe('bulk seeding', () => {
  it('never reuses a reference, whether stored already or repeated within the load', async () => {
    useTestTable();
    const { ensureUniqueReferences } = await import('../../functions/store/bulk.js');
    const existing = await createReport();
    const items = [existing.reference, 'RF-0000001', 'RF-0000001', existing.reference].map((reference) => ({ reference }) as Item);
    const taken = new Set<string>();
    await ensureUniqueReferences(items, taken);
    const references = items.map((i) => i.reference);
    expect(references).not.toContain(existing.reference);
    expect(new Set(references).size).toBe(4);
    expect(references.every((r) => /^RF-\d{7}$/.test(r))).toBe(true);
    for (const r of references) expect(taken.has(r)).toBe(true);
  });
});
