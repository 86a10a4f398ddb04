import { DateTime } from 'luxon';
import * as z from 'zod';
import type { Catalog } from '../catalog/schema.js';

const column = z.string().min(1, 'name a CSV column');

/** Whether Luxon can read this LDML pattern back from a date it wrote with it (catches typos like `MM/dd/yyy hh:mm`). */
function roundTrips(format: string): boolean {
  if (!/[yMdHhms]/.test(format)) return false;
  const sample = DateTime.fromObject({ year: 2015, month: 7, day: 23, hour: 14, minute: 5, second: 9 }, { zone: 'UTC' });
  const parsed = DateTime.fromFormat(sample.toFormat(format), format, { zone: 'UTC', locale: 'en-US' });
  return parsed.isValid && parsed.year === 2015 && parsed.month === 7 && parsed.day === 23;
}

const regex = z.string().refine((src) => {
  try {
    new RegExp(src, 'i');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

/** SPEC §8: how one source's CSV export maps onto the board. */
export const mappingSchema = z
  .object({
    source: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,40}$/, 'use lower-case letters, digits, . - and _ (e.g. "boston-311")'),
    idColumn: column,
    columns: z
      .object({
        createdAt: column,
        closedAt: column.optional(),
        updatedAt: column.optional(),
        dueAt: column.optional(),
        type: column,
        status: column,
        lat: column.optional(),
        lng: column.optional(),
        address: column.optional(),
        title: column.optional(),
        description: column.optional(),
        resolution: column.optional(),
      })
      .strict()
      .refine((c) => (c.lat === undefined) === (c.lng === undefined), { message: 'give both lat and lng, or neither', path: ['lat'] }),
    dateFormat: z
      .string()
      .min(1)
      .refine(roundTrips, 'not a date pattern Luxon can read (Unicode LDML tokens, e.g. "MM/dd/yyyy hh:mm:ss a")'),
    timezone: z.string().refine((tz) => DateTime.local().setZone(tz).isValid, 'not an IANA timezone name (e.g. "America/New_York")'),
    services: z.record(z.string(), z.string().min(1)).refine((s) => Object.keys(s).length > 0, 'map at least one type'),
    states: z.record(z.string(), z.string().min(1)).refine((s) => Object.keys(s).length > 0, 'map at least one status'),
    resolutions: z.array(z.object({ match: regex, resolution: z.string().min(1) }).strict()).optional(),
    defaultResolution: z.string().min(1).optional(),
    ignoreLocations: z.array(z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)])).optional(),
  })
  .strict();

export type Mapping = z.infer<typeof mappingSchema>;

export interface MappingIssue {
  path: string;
  message: string;
}

/** Thrown for an invalid mapping file: every issue with its field. */
export class MappingError extends Error {
  constructor(
    readonly file: string,
    readonly issues: MappingIssue[],
  ) {
    super(`The mapping file ${file} is invalid:\n${issues.map((i) => `  ${file}: ${i.path || '(root)'}: ${i.message}`).join('\n')}`);
    this.name = 'MappingError';
  }
}

/**
 * Parses a mapping file and checks it against the catalog: every mapped service is a report service,
 * every mapped state exists in the workflow of a mapped service, resolutions are ones a done-state takes.
 * @example parseMapping(JSON.parse(text), catalog, 'boston.mapping.json').source // 'boston-311'
 */
export function parseMapping(input: unknown, catalog: Pick<Catalog, 'services' | 'workflows'>, file = 'mapping.json'): Mapping {
  const result = mappingSchema.safeParse(input);
  if (!result.success)
    throw new MappingError(
      file,
      result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  const mapping = result.data;
  const issues: MappingIssue[] = [];
  const services = new Map(catalog.services.map((s) => [s.code, s]));
  const stateIds = new Set<string>();
  const resolutionIds = new Set<string>();
  for (const [type, code] of Object.entries(mapping.services)) {
    const service = services.get(code);
    if (!service) issues.push({ path: `services.${type}`, message: `"${code}" is not a service in catalog.json` });
    else if (service.kind !== 'report') issues.push({ path: `services.${type}`, message: `"${code}" does not take reports` });
    else {
      for (const state of catalog.workflows[service.workflow]?.states ?? []) {
        stateIds.add(state.id);
        for (const r of state.resolutions ?? []) resolutionIds.add(r);
      }
    }
  }
  for (const [status, state] of Object.entries(mapping.states)) {
    if (stateIds.size && !stateIds.has(state))
      issues.push({ path: `states.${status}`, message: `"${state}" is not a state of the mapped services' workflows` });
  }
  mapping.resolutions?.forEach((r, i) => {
    if (resolutionIds.size && !resolutionIds.has(r.resolution)) {
      issues.push({ path: `resolutions.${i}.resolution`, message: `"${r.resolution}" is not a resolution any done-state takes` });
    }
  });
  if (mapping.defaultResolution && resolutionIds.size && !resolutionIds.has(mapping.defaultResolution)) {
    issues.push({ path: 'defaultResolution', message: `"${mapping.defaultResolution}" is not a resolution any done-state takes` });
  }
  if (issues.length) throw new MappingError(file, issues);
  return mapping;
}

/** The CSV columns a mapping reads, for checking the file's header before importing anything. */
export function mappedColumns(mapping: Mapping): string[] {
  return [mapping.idColumn, ...Object.values(mapping.columns).filter((c): c is string => typeof c === 'string')];
}
