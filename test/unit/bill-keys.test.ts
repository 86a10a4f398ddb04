import { describe, expect, it } from 'vitest';
import { itemFromRecord, itemRecord } from '../../functions/store/keys/items.js';
import type { Bill } from '../../shared/bills/model.js';
import { numberSortKey } from '../../shared/bills/model.js';

const bill: Bill = {
  id: 'B1',
  reference: 'BL-0000001',
  kind: 'bill',
  serviceCode: 'bill',
  number: 'HB 12',
  session: '2025-2026',
  title: 'Snow Plough Act',
  summary: 's',
  description: 's',
  chamber: 'House',
  sponsors: [{ name: 'Ana Alder', role: 'primary' }],
  votes: [],
  status: 'committee',
  phase: 'waiting',
  priority: 'normal',
  version: 2,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
};

describe('bill records', () => {
  it('a waiting bill joins no public work queue but the session index', () => {
    const record = itemRecord(bill);
    expect(record.queuePK).toBeUndefined();
    expect(record).toMatchObject({ phasePK: 'bill#waiting', sessionPK: 'bill#2025-2026', searchText: expect.stringContaining('hb12') });
    expect(record.agendaPK).toBeUndefined();
  });

  it('a scheduled bill is on the agenda, keyed by its vote time', () => {
    const record = itemRecord({
      ...bill,
      status: 'scheduled',
      phase: 'in_progress',
      scheduledVote: { at: '2026-03-01T10:00:00.000Z', chamber: 'House' },
    } as Bill);
    expect(record).toMatchObject({ agendaPK: 'bill', agendaSK: '2026-03-01T10:00:00.000Z#B1' });
  });

  it('index and search attributes never leave the store', () => {
    const back = itemFromRecord(itemRecord(bill)) as unknown as Record<string, unknown>;
    for (const key of ['sessionPK', 'sessionSK', 'searchText', 'sponsorText', 'PK', 'phasePK']) expect(back[key]).toBeUndefined();
    expect(back).toEqual(bill);
  });

  it('sorts bill numbers naturally', () => {
    expect(numberSortKey('HB 2') < numberSortKey('HB10')).toBe(true);
    expect(numberSortKey('hb 2')).toBe(numberSortKey('HB2'));
  });
});
