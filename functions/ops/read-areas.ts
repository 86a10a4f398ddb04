import { listAreas } from '../../shared/areas/chosen.js';
import { simplifiedAreas } from '../../shared/areas/simplify.js';
import { translator } from '../../shared/i18n/board.js';
import type { Translator } from '../../shared/i18n/translator.js';
import { jurisdiction } from '../../shared/jurisdiction/index.js';
import { areaCounts } from '../store/area-counts.js';

export interface AreaSummary {
  id: string;
  name: string;
  counts: { waiting: number; in_progress: number; done: number };
}

/**
 * Every area with its reports per phase (from the stream-kept counters: one read, whatever the table
 * holds); the areas' label ("Ward") in the translator's language (`areas.label`), their names as the
 * council's file has them.
 */
export async function areaSummaries(tr: Translator = translator()): Promise<{ label?: string; items: AreaSummary[] }> {
  const areas = listAreas();
  const counts = areas.length ? await areaCounts() : new Map();
  const label = jurisdiction.areas?.label;
  return {
    label: label === undefined ? undefined : tr.text('areas.label', label),
    items: areas.map((a) => ({ id: a.id, name: a.name, counts: counts.get(a.id) ?? { waiting: 0, in_progress: 0, done: 0 } })),
  };
}

let shapes: ReturnType<typeof simplifiedAreas> | undefined;

/** The areas' shapes simplified for the browser (computed once per process). */
export function areaShapes(): ReturnType<typeof simplifiedAreas> {
  shapes ??= simplifiedAreas(listAreas());
  return shapes;
}
