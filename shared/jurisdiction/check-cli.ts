// `npm run check:config [-- <folder>]`: validates a jurisdiction folder (default: the chosen one) and
// names the file and field of every problem. `npm test` runs it first.
import { catalogMessages } from '../i18n/catalog-keys.js';
import { missingTranslations } from '../i18n/check.js';
import { checkJurisdictionFolder } from './check.js';
import { ConfigError, chosenJurisdictionFolder, readJurisdictionFolder } from './source.js';

const folder = process.argv[2] ?? chosenJurisdictionFolder();
try {
  const { jurisdiction, catalog, areas } = checkJurisdictionFolder(folder);
  console.log(
    `${folder}: ok: ${jurisdiction.name} (${jurisdiction.id}), ${catalog.services.length} services, ` +
      `${Object.keys(catalog.workflows).length} workflows, ${areas.length} areas, ${catalog.routing?.length ?? 0} routing rules, ` +
      `languages ${(jurisdiction.languages ?? ["(the locale's)"]).join(', ')}`,
  );
  // Not an error: the default language stands in for what a language lacks, but the council should know.
  const keys = new Set(Object.keys(catalogMessages(jurisdiction, catalog)));
  const missing = missingTranslations(readJurisdictionFolder(folder).translations ?? {}, keys, jurisdiction.languages ?? []);
  for (const [lang, absent] of Object.entries(missing)) {
    console.warn(
      `${folder}: i18n/${lang}.json lacks ${absent.length} translations (shown in the default language): ${absent.slice(0, 5).join(', ')}${absent.length > 5 ? ', …' : ''}`,
    );
  }
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `${folder}: ${(err as Error).message}`);
  process.exit(1);
}
