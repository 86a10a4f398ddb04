import { describe, expect, it } from 'vitest';
import { doneDeltas } from '../../functions/store/done-counts.js';
import { chunkCounterChanges } from '../../functions/store/queue-count-stream.js';
import { counterDeltas, justBefore } from '../../functions/store/queue-counts.js';
import type { Item } from '../../shared/items.js';

const report = (over: Partial<Item> = {}): Item =>
  ({
    id: '01JTEST0000000000000000000',
    reference: 'RF-1234567',
    kind: 'report',
    serviceCode: 'pothole',
    title: 'Pothole',
    description: 'x',
    status: 'new',
    phase: 'waiting',
    priority: 'normal',
    version: 1,
    createdAt: '2026-11-05T10:00:00.000Z',
    updatedAt: '2026-11-05T10:00:00.000Z',
    ...over,
  }) as Item;

const asMap = (deltas: ReturnType<typeof counterDeltas>) => Object.fromEntries(deltas.map((d) => [`${d.key.PK} ${d.key.SK}`, d.delta]));

describe('queue counter deltas', () => {
  it('counts a new waiting report once in the month and the day counters of its priority', () => {
    expect(asMap(counterDeltas([{ after: report() }]))).toEqual({
      'QCOUNT#pothole M#2#2026-11': 1,
      'QCOUNT#pothole D#2026-11#2#05': 1,
    });
  });

  it('takes a report out of every counter when it leaves the waiting phase', () => {
    const before = report();
    const after = report({ status: 'in_progress', phase: 'in_progress' });
    expect(asMap(counterDeltas([{ before, after }]))).toEqual({
      'QCOUNT#pothole M#2#2026-11': -1,
      'QCOUNT#pothole D#2026-11#2#05': -1,
    });
  });

  it('moves a report between priorities and between services', () => {
    const before = report();
    expect(asMap(counterDeltas([{ before, after: { ...before, priority: 'urgent' } }]))).toMatchObject({
      'QCOUNT#pothole D#2026-11#2#05': -1,
      'QCOUNT#pothole D#2026-11#0#05': 1,
    });
    expect(asMap(counterDeltas([{ before, after: { ...before, serviceCode: 'street-light' } }]))).toMatchObject({
      'QCOUNT#pothole M#2#2026-11': -1,
      'QCOUNT#street-light M#2#2026-11': 1,
    });
  });

  it('writes nothing for a change that leaves the report where it was in the queue, or for a bill', () => {
    const before = report();
    const after = report({ status: 'acknowledged', title: 'New title', version: 2 });
    expect(counterDeltas([{ before, after }])).toEqual([]);
    expect(counterDeltas([{ after: report({ kind: 'bill', serviceCode: 'bill' }) }])).toEqual([]);
  });

  it('adds up many bulk-loaded reports per counter', () => {
    const items = [report(), report({ id: 'b' }), report({ id: 'c', createdAt: '2026-11-06T00:00:00.000Z' })];
    expect(asMap(counterDeltas(items.map((after) => ({ after }))))).toEqual({
      'QCOUNT#pothole M#2#2026-11': 3,
      'QCOUNT#pothole D#2026-11#2#05': 2,
      'QCOUNT#pothole D#2026-11#2#06': 1,
    });
  });
});

describe('runs of stream records per transaction', () => {
  const change = (n: number, day: string) => ({
    eventId: `e${n}`,
    sequenceNumber: String(n),
    deltas: counterDeltas([{ after: report({ id: `i${n}`, createdAt: `${day}T10:00:00.000Z` }) }]),
  });

  it('puts 90 creates of one day in one transaction: 90 markers and 2 counter updates', () => {
    const chunks = chunkCounterChanges(Array.from({ length: 90 }, (_, i) => change(i, '2026-11-05')));
    expect(chunks.map((c) => c.length)).toEqual([90]);
  });

  it('starts a new run, in stream order, before a transaction would pass 100 writes', () => {
    const changes = Array.from({ length: 80 }, (_, i) => change(i, `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`));
    const chunks = chunkCounterChanges(changes);
    expect(chunks.flat()).toEqual(changes);
    for (const chunk of chunks) {
      const counters = new Set(chunk.flatMap((c) => c.deltas.map((d) => d.key.SK)));
      expect(chunk.length + counters.size).toBeLessThanOrEqual(100);
    }
    expect(chunks.length).toBeGreaterThan(1);
  });
});

describe('justBefore', () => {
  it('sorts after every key below the given one and before the key itself', () => {
    const key = 'D#2#2026-11-05';
    const bound = justBefore(key);
    for (const below of ['D#2#2026-11-04', 'D#2#2026-10-31', 'D#2#2026-11-0', 'D#2#2026-11-04#zzz']) expect(below <= bound).toBe(true);
    for (const atOrAbove of [key, 'D#2#2026-11-05#a', 'D#2#2026-11-06']) expect(atOrAbove > bound).toBe(true);
  });
});

describe('finished-per-month deltas', () => {
  const finished = (over: Partial<Item> = {}) => report({ status: 'fixed', phase: 'done', updatedAt: '2026-11-20T09:00:00.000Z', ...over });
  const asDone = (deltas: ReturnType<typeof doneDeltas>) => Object.fromEntries(deltas.map((d) => [`${d.key.PK} ${d.key.SK}`, d.delta]));

  it('counts a finished report in the month of its last change, for its service and for all', () => {
    expect(asDone(doneDeltas([{ before: report(), after: finished() }]))).toEqual({
      'DONE#pothole M#0#2026-11': 1,
      'DONE#* M#0#2026-11': 1,
    });
  });

  it('moves it when it changes in a later month, and takes it out when it is reopened', () => {
    const before = finished();
    expect(asDone(doneDeltas([{ before, after: { ...before, updatedAt: '2026-12-01T08:00:00.000Z' } }]))).toEqual({
      'DONE#pothole M#0#2026-11': -1,
      'DONE#* M#0#2026-11': -1,
      'DONE#pothole M#0#2026-12': 1,
      'DONE#* M#0#2026-12': 1,
    });
    expect(asDone(doneDeltas([{ before, after: report({ updatedAt: '2026-11-21T09:00:00.000Z' }) }]))).toEqual({
      'DONE#pothole M#0#2026-11': -1,
      'DONE#* M#0#2026-11': -1,
    });
  });

  it('counts neither waiting reports nor bills', () => {
    expect(doneDeltas([{ after: report() }, { after: finished({ kind: 'bill', serviceCode: 'bill' }) }])).toEqual([]);
  });
});
