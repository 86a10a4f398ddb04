import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkJurisdictionFolder } from '../../shared/jurisdiction/check.js';
import { ConfigError } from '../../shared/jurisdiction/source.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A copy of the demo folder with one file edited. */
// biome-ignore lint/suspicious/noExplicitAny: tests edit the raw JSON freely to break it
function demoWith(file: string, edit: (json: Record<string, any>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'jur-'));
  cpSync(join(ROOT, 'jurisdictions', 'demo'), dir, { recursive: true });
  const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  edit(json);
  writeFileSync(join(dir, file), JSON.stringify(json));
  return dir;
}

function issues(folder: string): string[] {
  try {
    checkJurisdictionFolder(folder);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.issues.map((i) => `${i.file}: ${i.path}: ${i.message}`);
    throw err;
  }
}

describe('jurisdiction folder check', () => {
  it('passes the shipped demo and Boston folders', () => {
    expect(issues(join(ROOT, 'jurisdictions', 'demo'))).toEqual([]);
    expect(checkJurisdictionFolder(join(ROOT, 'jurisdictions', 'demo')).areas).toHaveLength(5);
  });

  it('names the file and field of each error in jurisdiction.json', () => {
    const dir = demoWith('jurisdiction.json', (j) => {
      j.timezone = 'Mars/Olympus';
      delete j.mail;
    });
    const found = issues(dir);
    expect(found).toContain('jurisdiction.json: timezone: not an IANA timezone name (e.g. "Europe/London")');
    expect(found.some((i) => i.startsWith('jurisdiction.json: mail:'))).toBe(true);
  });

  it('checks that the map centre lies inside the bounds', () => {
    const dir = demoWith('jurisdiction.json', (j) => {
      j.map.center = [10, 10];
    });
    expect(issues(dir)).toEqual(['jurisdiction.json: map.center: the map centre must lie inside bounds']);
  });

  it('names the catalog field of a bad SLA and of a routing rule to an unknown area', () => {
    const dir = demoWith('catalog.json', (c) => {
      c.services[0].sla = { resolution: { amount: 3, unit: 'fortnights' } };
    });
    expect(issues(dir).some((i) => i.startsWith('catalog.json: services.0.sla.resolution.unit:'))).toBe(true);
    const paused = demoWith('catalog.json', (c) => {
      c.services[0].sla = { pausedIn: ['nowhere'] };
    });
    expect(issues(paused)).toEqual(['catalog.json: services.0.sla.pausedIn.0: unknown state nowhere in workflow road-fault']);
    const routed = demoWith('catalog.json', (c) => {
      c.routing = [{ area: 'atlantis', team: 'roads' }];
    });
    expect(issues(routed)).toEqual(['catalog.json: routing.0.area: unknown area atlantis (not in areas.geojson)']);
    // A rule for every service names a team some service does not list: its items would land in a queue
    // whose team may not act on them. The shipped rule (harbour-depot, listed by every service) passes.
    const unlisted = demoWith('catalog.json', (c) => {
      c.routing = [{ area: 'harbour', team: 'drainage' }];
    });
    expect(issues(unlisted)).toEqual([
      "catalog.json: routing.0.team: a rule for every service needs team drainage in every report service's teams; missing in pothole, street-light, damaged-sign, road-obstruction, damaged-pavement",
    ]);
    expect(issues(demoWith('catalog.json', () => {}))).toEqual([]);
  });

  it('accepts a service SLA in working days and a routing rule by area', () => {
    const dir = demoWith('catalog.json', (c) => {
      c.services[0].sla = {
        firstResponse: { amount: 4, unit: 'working_hours' },
        resolution: { amount: 5, unit: 'working_days' },
        pausedIn: ['on_hold'],
      };
      c.routing = [{ service: 'pothole', area: 'north', team: 'roads' }];
    });
    expect(issues(dir)).toEqual([]);
  });

  it('npm run check:config exits 1 naming the missing file, and 0 for the demo', () => {
    const bad = spawnSync('npx', ['tsx', 'shared/jurisdiction/check-cli.ts', tmpdir()], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/jurisdiction\.json: \(root\): cannot read/);
    const good = spawnSync('npx', ['tsx', 'shared/jurisdiction/check-cli.ts', 'jurisdictions/demo'], { cwd: ROOT, encoding: 'utf8' });
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/Demo City \(demo-city\), 7 services/);
  }, 60_000);
});
