import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../functions/lib/env.js';
import { decodeCursor, encodeCursor, type Partition } from '../../functions/store/paginate.js';
import { ValidationError } from '../../shared/errors.js';

beforeAll(() => {
  process.env[ENV.cursorKey] ??= 'k'.repeat(64);
});

const waiting: Partition[] = [{ index: 'phase', pk: 'report#waiting', newestFirst: true }];
const since = (t: string): Partition[] => [{ ...waiting[0]!, skCondition: '#sk > :since', values: { ':since': t } }];
const position = { p: 0, n: 3, k: { PK: 'ITEM#a', SK: '#ITEM', phasePK: 'report#waiting', phaseSK: '2026-01-01T00:00:00.000Z#a' } };

function refusal(run: () => unknown): string | undefined {
  try {
    run();
  } catch (e) {
    if (e instanceof ValidationError) return e.errors.map((x) => x.path).join();
    throw e;
  }
  return undefined;
}

describe('list cursors', () => {
  it('are read back by the query that issued them', () => {
    expect(decodeCursor(encodeCursor(position, since('2026-01-01T00:00:00.000Z')), since('2026-01-01T00:00:00.000Z'))).toEqual(position);
  });

  it('are refused by the same list with another filter value', () => {
    const cursor = encodeCursor(position, since('2026-01-01T00:00:00.000Z'));
    expect(refusal(() => decodeCursor(cursor, since('2025-01-01T00:00:00.000Z')))).toBe('query.cursor');
  });

  it('are refused when any character is changed', () => {
    const cursor = encodeCursor(position, waiting);
    for (let i = 0; i < cursor.length; i++) {
      const c = cursor[i] === 'A' ? 'B' : 'A';
      const flipped = cursor.slice(0, i) + c + cursor.slice(i + 1);
      expect(
        refusal(() => decodeCursor(flipped, waiting)),
        `character ${i}`,
      ).toBe('query.cursor');
    }
  });

  it('are refused unsigned, as they were issued before', () => {
    const unsigned = Buffer.from(JSON.stringify({ p: 0, n: 0, k: { ...position.k, phaseSK: '' } })).toString('base64url');
    expect(refusal(() => decodeCursor(unsigned, waiting))).toBe('query.cursor');
    expect(refusal(() => decodeCursor(`${unsigned}.`, waiting))).toBe('query.cursor');
    expect(refusal(() => decodeCursor('...', waiting))).toBe('query.cursor');
  });
});
