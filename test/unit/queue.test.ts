import { describe, expect, it } from 'vitest';
import { compareQueueOrder, ordinal, type Priority } from '../../shared/queue.js';

const item = (id: string, priority: Priority, createdAt: string) => ({ id, priority, createdAt });

describe('queue order', () => {
  it('puts urgent before high before normal before low, whatever their age', () => {
    const items = [
      item('low', 'low', '2020-01-01T00:00:00.000Z'),
      item('normal', 'normal', '2021-01-01T00:00:00.000Z'),
      item('urgent', 'urgent', '2026-01-01T00:00:00.000Z'),
      item('high', 'high', '2025-01-01T00:00:00.000Z'),
    ];
    expect(items.sort(compareQueueOrder).map((i) => i.id)).toEqual(['urgent', 'high', 'normal', 'low']);
  });

  it('puts the oldest first within a priority, and breaks ties by id', () => {
    const items = [
      item('b', 'normal', '2026-02-01T00:00:00.000Z'),
      item('c', 'normal', '2026-01-01T00:00:00.000Z'),
      item('a', 'normal', '2026-02-01T00:00:00.000Z'),
    ];
    expect(items.sort(compareQueueOrder).map((i) => i.id)).toEqual(['c', 'a', 'b']);
  });

  it('writes positions as ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 112].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '112th',
    ]);
  });
});
