// `npm run check:config [-- <folder>]`: validates a jurisdiction folder (default: the chosen one) and
// names the file and field of every problem. `npm test` runs it first.
import { checkJurisdictionFolder } from './check.js';
import { ConfigError, chosenJurisdictionFolder } from './source.js';

const folder = process.argv[2] ?? chosenJurisdictionFolder();
try {
  const { jurisdiction, catalog, areas } = checkJurisdictionFolder(folder);
  console.log(
    `${folder}: ok: ${jurisdiction.name} (${jurisdiction.id}), ${catalog.services.length} services, ` +
      `${Object.keys(catalog.workflows).length} workflows, ${areas.length} areas, ${catalog.routing?.length ?? 0} routing rules`,
  );
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `${folder}: ${(err as Error).message}`);
  process.exit(1);
}
