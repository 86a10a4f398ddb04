import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chosenJurisdictionFolder } from '../../shared/jurisdiction/source.js';

/** Newest modification time of any file under a folder. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Builds the Astro site into site/dist when it is missing or older than its sources, so a fresh
 * clone's `npm start` (and the browser tests) always serve the current site.
 */
export function ensureSiteBuilt(root: string, log: (line: string) => void = () => undefined): void {
  const site = join(root, 'site');
  const built = join(site, 'dist', 'index.html');
  // The site compiles in shared/ too: the domain helpers its scripts import and the message catalogs.
  const sources = Math.max(
    newest(join(site, 'src')),
    newest(join(site, 'public')),
    newest(join(root, 'shared')),
    statSync(join(site, 'astro.config.mjs')).mtimeMs,
  );
  // The site compiles in the jurisdiction folder's catalog: another folder, or an edited one, rebuilds it.
  const folder = chosenJurisdictionFolder();
  const stamp = join(site, 'dist', '.jurisdiction');
  const sameFolder = existsSync(stamp) && readFileSync(stamp, 'utf8') === folder && statSync(stamp).mtimeMs >= newest(folder);
  if (existsSync(built) && statSync(built).mtimeMs >= sources && sameFolder) return;
  log('building the site…');
  const result = spawnSync(join(root, 'node_modules', '.bin', 'astro'), ['build', '--root', site, '--silent'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('the site did not build; run `npm run build:site` to see why');
  writeFileSync(stamp, folder);
}
