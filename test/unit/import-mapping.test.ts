import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalog, getService } from '../../shared/catalog/index.js';
import { MappingError, parseMapping } from '../../shared/import311/mapping.js';
import { parseSourceDate } from '../../shared/import311/rows.js';
import { routeTeam } from '../../shared/routing.js';

const fixture = () => JSON.parse(readFileSync(new URL('../fixtures/311-mini/mapping.json', import.meta.url), 'utf8'));

function issuesOf(input: unknown): string[] {
  try {
    parseMapping(input, catalog, 'm.json');
  } catch (err) {
    if (err instanceof MappingError) return err.issues.map((i) => `${i.path}: ${i.message}`);
    throw err;
  }
  return [];
}

describe('mapping file validation', () => {
  it('accepts the fixture mapping', () => {
    expect(issuesOf(fixture())).toEqual([]);
  });

  it('names a missing required column and an unknown field', () => {
    const m = fixture();
    delete m.columns.createdAt;
    m.colums = {};
    const issues = issuesOf(m);
    expect(issues.some((i) => i.startsWith('columns.createdAt:'))).toBe(true);
    expect(issues.some((i) => /colums/.test(i))).toBe(true);
  });

  it('refuses a date format Luxon cannot read back, and a timezone that does not exist', () => {
    const m = fixture();
    m.dateFormat = 'dd/MM/yyy HH:mm QQQ';
    m.timezone = 'Europe/Atlantis';
    const issues = issuesOf(m);
    expect(issues.some((i) => i.startsWith('dateFormat:'))).toBe(true);
    expect(issues.some((i) => i.startsWith('timezone:'))).toBe(true);
  });

  it('refuses a bad regular expression, naming its index', () => {
    const m = fixture();
    m.resolutions[1].match = '(unclosed';
    expect(issuesOf(m)).toEqual(['resolutions.1.match: not a valid regular expression']);
  });

  it('checks services, states and resolutions against the catalog', () => {
    const m = fixture();
    m.services.Pothole = 'sinkhole';
    m.states.OPEN = 'limbo';
    m.defaultResolution = 'shrugged';
    expect(issuesOf(m)).toEqual([
      'services.Pothole: "sinkhole" is not a service in catalog.json',
      `states.OPEN: "limbo" is not a state of the mapped services' workflows`,
      'defaultResolution: "shrugged" is not a resolution any done-state takes',
    ]);
  });

  it('refuses a mapping to the bill service', () => {
    const m = fixture();
    m.services.Pothole = 'bill';
    expect(issuesOf(m)).toContain('services.Pothole: "bill" does not take reports');
  });

  it('wants lat and lng together', () => {
    const m = fixture();
    delete m.columns.lng;
    expect(issuesOf(m)).toEqual(['columns.lat: give both lat and lng, or neither']);
  });
});

describe('source dates in the source timezone', () => {
  const US = 'MM/dd/yyyy hh:mm:ss a';
  it('reads Boston winter and summer times with their own offsets', () => {
    expect(parseSourceDate('01/01/2015 09:13:12 AM', US, 'America/New_York')).toBe('2015-01-01T14:13:12.000Z');
    expect(parseSourceDate('07/01/2015 09:13:12 PM', US, 'America/New_York')).toBe('2015-07-02T01:13:12.000Z');
  });

  it('reads the hours either side of the spring-forward change (8 March 2015)', () => {
    expect(parseSourceDate('03/08/2015 01:59:59 AM', US, 'America/New_York')).toBe('2015-03-08T06:59:59.000Z');
    expect(parseSourceDate('03/08/2015 03:00:00 AM', US, 'America/New_York')).toBe('2015-03-08T07:00:00.000Z');
    // 02:30 does not exist that night: read as 03:30 daylight time.
    expect(parseSourceDate('03/08/2015 02:30:00 AM', US, 'America/New_York')).toBe('2015-03-08T07:30:00.000Z');
  });

  it("reads the repeated hour of the fall-back change (1 November 2015) as the second, standard-time, one (Luxon's choice)", () => {
    // A 311 export without offsets cannot say which 01:30 it meant; an hour either way, once a year.
    expect(parseSourceDate('11/01/2015 01:30:00 AM', US, 'America/New_York')).toBe('2015-11-01T06:30:00.000Z');
    expect(parseSourceDate('11/01/2015 02:30:00 AM', US, 'America/New_York')).toBe('2015-11-01T07:30:00.000Z');
  });

  it('says which text does not match, and leaves an empty cell empty', () => {
    expect(parseSourceDate('2015-01-01 09:13', US, 'America/New_York')).toEqual(
      new Error('"2015-01-01 09:13" does not match the date format "MM/dd/yyyy hh:mm:ss a"'),
    );
    expect(parseSourceDate('  ', US, 'America/New_York')).toBeUndefined();
  });
});

describe('routing', () => {
  const pothole = getService('pothole');
  const rules = [
    { service: 'pothole', area: 'north', team: 'north-roads' },
    { area: 'north', team: 'north-all' },
    { service: 'pothole', team: 'potholes' },
  ];
  it('takes the first rule matching service and area', () => {
    expect(routeTeam(pothole, 'north', rules)).toBe('north-roads');
    expect(routeTeam(getService('street-light'), 'north', rules)).toBe('north-all');
    expect(routeTeam(pothole, 'east', rules)).toBe('potholes');
  });
  it("falls back to the service's first team when no rule matches", () => {
    expect(routeTeam(getService('street-light'), 'east', rules)).toBe('roads');
    expect(routeTeam(pothole, undefined, [])).toBe('roads');
  });
});
