import { issuesOf } from '../jurisdiction/parse.js';
import { CATALOG_FILE, ConfigError } from '../jurisdiction/source.js';
import { type Catalog, catalogSchema } from './schema.js';

/**
 * Parses and checks a catalog (a jurisdiction folder's catalog.json). Throws a ConfigError listing
 * every problem (`catalog.json: services.0.workflow: unknown workflow x`) when it is invalid.
 * @example parseCatalog(JSON.parse(readFileSync('jurisdictions/demo/catalog.json', 'utf8')))
 */
export function parseCatalog(input: unknown, folder = '(jurisdiction folder)'): Catalog {
  const result = catalogSchema.safeParse(input);
  if (!result.success) throw new ConfigError(folder, issuesOf(CATALOG_FILE, result.error));
  return result.data;
}
