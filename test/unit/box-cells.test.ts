import ngeohash from 'ngeohash';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cellCount, coverPrecision, MAX_CELLS } from '../../functions/store/cell-cover.js';
import { boxPartitions } from '../../functions/store/lists.js';
import { clipBox } from '../../shared/bbox.js';
import { jurisdiction } from '../../shared/jurisdiction/index.js';

const WORLD = { minLng: -180, minLat: -90, maxLng: 180, maxLat: 90 };
const bounds = jurisdiction.bounds;

describe('cellCount', () => {
  it('is the length of the list ngeohash.bboxes makes, for boxes of every size it can list', () => {
    // Deterministic spread of boxes: small and large, aligned and not, across precisions 4 to 7.
    for (let i = 0; i < 60; i++) {
      const minLat = 51.3 + ((i * 0.0137) % 0.2);
      const minLng = -2.7 + ((i * 0.0211) % 0.3);
      const box = { minLat, minLng, maxLat: minLat + 0.001 + (i % 7) * 0.013, maxLng: minLng + 0.001 + (i % 5) * 0.021 };
      for (const precision of [4, 5, 6, 7]) {
        const expected = ngeohash.bboxes(box.minLat, box.minLng, box.maxLat, box.maxLng, precision).length;
        if (expected > 5000) continue;
        expect(cellCount(box, precision), `${JSON.stringify(box)} @${precision}`).toBe(expected);
      }
    }
  });

  it('counts the world at precision 7 (2^35 cells) without listing them', () => {
    expect(cellCount(WORLD, 7)).toBe(2 ** 35);
    expect(coverPrecision(WORLD)).toBeUndefined();
  });
});

describe('boxPartitions', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Fails the test at once (instead of running out of memory) if any box asks ngeohash to list more than MAX_CELLS cells. */
  function guardCellListing() {
    const listed: number[] = [];
    const real = ngeohash.bboxes;
    vi.spyOn(ngeohash, 'bboxes').mockImplementation((minLat, minLng, maxLat, maxLng, precision) => {
      const wanted = cellCount({ minLat, minLng, maxLat, maxLng }, precision as number);
      if (wanted > MAX_CELLS) throw new Error(`asked to list ${wanted} cells at precision ${precision}`);
      const cells = real(minLat, minLng, maxLat, maxLng, precision);
      listed.push(cells.length);
      return cells;
    });
    return listed;
  }

  it('never lists more than MAX_CELLS geohash cells, for the whole world', () => {
    const listed = guardCellListing();
    const partitions = boxPartitions('report', WORLD, {});
    expect(listed.every((n) => n <= MAX_CELLS)).toBe(true);
    // Too wide for cells at any precision: the three phase lists with the box as a filter.
    expect(partitions.map((p) => p.index)).toEqual(['phase', 'phase', 'phase']);
  });

  it('never lists more than MAX_CELLS geohash cells for a 4 x 4 degree box', () => {
    const listed = guardCellListing();
    boxPartitions('report', { minLng: -4, minLat: 50, maxLng: 0, maxLat: 54 }, {});
    expect(listed.every((n) => n <= MAX_CELLS)).toBe(true);
  });

  it('reads the whole jurisdiction, once clipped, in at most MAX_CELLS cell partitions', () => {
    guardCellListing();
    const partitions = boxPartitions('report', clipBox(WORLD, bounds)!, {});
    expect(partitions.every((p) => p.index === 'cell')).toBe(true);
    expect(partitions.length).toBeGreaterThan(0);
    expect(partitions.length).toBeLessThanOrEqual(MAX_CELLS);
  });
});

describe('clipBox', () => {
  it('clips the world to the jurisdiction', () => {
    expect(clipBox(WORLD, bounds)).toEqual(bounds);
  });

  it('keeps a box inside the jurisdiction as it is', () => {
    const box = { minLng: -2.6, minLat: 51.44, maxLng: -2.58, maxLat: 51.46 };
    expect(clipBox(box, bounds)).toEqual(box);
  });

  it('keeps the part of a box that overlaps the jurisdiction', () => {
    expect(clipBox({ minLng: -3, minLat: 51.45, maxLng: -2.6, maxLat: 52 }, bounds)).toEqual({
      minLng: bounds.minLng,
      minLat: 51.45,
      maxLng: -2.6,
      maxLat: bounds.maxLat,
    });
  });

  it('is nothing for a box wholly outside', () => {
    expect(clipBox({ minLng: -74.1, minLat: 40.6, maxLng: -73.9, maxLat: 40.8 }, bounds)).toBeUndefined();
  });
});
