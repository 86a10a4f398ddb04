import { describe, expect, it } from 'vitest';
import { itemRecord } from '../../functions/store/keys/items.js';
import type { Item } from '../../shared/items.js';

const report: Item = {
  id: 'R1',
  reference: 'RF-0000001',
  kind: 'report',
  serviceCode: 'pothole',
  title: 'Pothole',
  description: 'd',
  status: 'new',
  phase: 'waiting',
  priority: 'normal',
  version: 1,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T12:00:00.000Z',
};

describe('recency keys of an item record', () => {
  it('sort a report by its last update', () => {
    expect(itemRecord(report)).toMatchObject({ serviceSK: '2026-12-01T12:00:00.000Z#R1', phaseSK: '2026-12-01T12:00:00.000Z#R1' });
  });

  it('never sort a report before its creation, even when its source dated the update earlier', () => {
    // The queue position counts "waiting items changed since the window's start" to find those created since.
    const imported = itemRecord({ ...report, updatedAt: '2026-09-01T00:00:00.000Z' });
    expect(imported).toMatchObject({ serviceSK: '2026-12-01T10:00:00.000Z#R1', phaseSK: '2026-12-01T10:00:00.000Z#R1' });
  });
});
