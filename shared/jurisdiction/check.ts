import { type Area, parseAreas } from '../areas/index.js';
import { parseCatalog } from '../catalog/parse.js';
import type { Catalog } from '../catalog/schema.js';
import { catalogMessages } from '../i18n/catalog-keys.js';
import { checkMessages, checkTranslations } from '../i18n/check.js';
import { parseJurisdiction } from './parse.js';
import type { Jurisdiction } from './schema.js';
import {
  CATALOG_FILE,
  ConfigError,
  type ConfigIssue,
  JURISDICTION_FILE,
  type JurisdictionSource,
  readJurisdictionFolder,
} from './source.js';

export interface CheckedFolder {
  folder: string;
  jurisdiction: Jurisdiction;
  catalog: Catalog;
  areas: Area[];
}

function collect<T>(issues: ConfigIssue[], parse: () => T): T | undefined {
  try {
    return parse();
  } catch (err) {
    if (err instanceof ConfigError) {
      issues.push(...err.issues);
      return undefined;
    }
    throw err;
  }
}

/**
 * Validates a whole jurisdiction folder's contents: each file against its schema, then what ties them
 * together (routing rules name existing areas, areas lie within the bounds). Throws one ConfigError
 * listing every issue with its file and field.
 */
export function checkJurisdictionSource(source: JurisdictionSource): CheckedFolder {
  const issues: ConfigIssue[] = [];
  const jurisdiction = collect(issues, () => parseJurisdiction(source.jurisdiction, source.folder));
  const catalog = collect(issues, () => parseCatalog(source.catalog, source.folder));
  const spec = jurisdiction?.areas;
  const areas = (spec && source.areas && collect(issues, () => parseAreas(source.areas?.data, spec, source.folder))) || [];
  if (jurisdiction && catalog) {
    const ids = new Set(areas.map((a) => a.id));
    catalog.routing?.forEach((rule, i) => {
      if (rule.area === undefined) return;
      if (!spec)
        issues.push({ file: CATALOG_FILE, path: `routing.${i}.area`, message: 'routes by area, but jurisdiction.json has no areas' });
      else if (!ids.has(rule.area))
        issues.push({ file: CATALOG_FILE, path: `routing.${i}.area`, message: `unknown area ${rule.area} (not in ${spec.file})` });
    });
  }
  if (jurisdiction && spec) {
    const b = jurisdiction.bounds;
    areas.forEach((a, i) => {
      const [minLng, minLat, maxLng, maxLat] = a.bbox;
      if (maxLat < b.minLat || minLat > b.maxLat || maxLng < b.minLng || minLng > b.maxLng) {
        issues.push({
          file: spec.file,
          path: `features.${i}`,
          message: `area ${a.id} lies wholly outside jurisdiction.json bounds (are the coordinates [lng, lat]?)`,
        });
      }
    });
  }
  if (jurisdiction && source.messages) {
    // Every language present must be complete, offered or not: adding a language is adding its files.
    issues.push(...checkMessages(source.messages));
    jurisdiction.languages?.forEach((lang, i) => {
      if (!source.messages?.[lang])
        issues.push({
          file: JURISDICTION_FILE,
          path: `languages.${i}`,
          message: `no catalogs for "${lang}" in shared/i18n/messages (see docs/i18n.md)`,
        });
    });
  }
  if (jurisdiction && catalog && source.translations) {
    const keys = new Set(Object.keys(catalogMessages(jurisdiction, catalog)));
    issues.push(...checkTranslations(source.translations, keys, jurisdiction.languages ?? [jurisdiction.locale.split('-')[0] ?? 'en']));
  }
  if (issues.length || !jurisdiction || !catalog) throw new ConfigError(source.folder, issues);
  return { folder: source.folder, jurisdiction, catalog, areas };
}

/** Reads and validates a jurisdiction folder from disk. */
export function checkJurisdictionFolder(folder: string): CheckedFolder {
  return checkJurisdictionSource(readJurisdictionFolder(folder));
}
