import type { CellCount, MapPrecision } from '../../shared/map-cells.js';
import type { MapCellsQuery } from '../../shared/schemas.js';
import { tileCells } from '../store/map-cells.js';
import { serviceParam } from './read-reports.js';

/**
 * One tile of the home map's cells with their counts per phase, of one service or all: read from the
 * counters the stream keeps (store/map-cells.ts), so it may trail a write by the stream's delay. One
 * Query, bounded by the tile's cells, not by the number of reports.
 */
export async function mapTile(
  query: MapCellsQuery,
): Promise<{ precision: MapPrecision; tile: string; service?: string; cells: CellCount[] }> {
  const service = query.service ? serviceParam(query.service).code : undefined;
  const precision = query.precision as MapPrecision;
  return { precision, tile: query.tile, service, cells: await tileCells(precision, query.tile, service) };
}
