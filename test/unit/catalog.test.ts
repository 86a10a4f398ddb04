import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listServices, parseCatalog } from '../../shared/catalog/index.js';

const DEMO_CATALOG = new URL('../../jurisdictions/demo/catalog.json', import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: tests mutate the raw JSON freely to break it
const clone = () => JSON.parse(readFileSync(DEMO_CATALOG, 'utf8')) as Record<string, any>;

describe('service catalog', () => {
  it('has the six road-fault services', () => {
    const codes = listServices('report').map((s) => s.code);
    expect(codes).toEqual(
      expect.arrayContaining(['pothole', 'street-light', 'damaged-sign', 'blocked-drain', 'road-obstruction', 'damaged-pavement']),
    );
  });

  it('rejects a transition to a state the workflow does not have', () => {
    const cat = clone();
    cat.workflows['road-fault'].transitions.push({ from: 'new', to: 'nowhere', label: 'Go' });
    expect(() => parseCatalog(cat)).toThrow(/transitions\.\d+\.to: unknown state nowhere/);
  });

  it('rejects a duplicate service code', () => {
    const cat = clone();
    cat.services.push({ ...cat.services[0] });
    expect(() => parseCatalog(cat)).toThrow(/duplicate code pothole/);
  });

  it('rejects a service naming an unknown workflow', () => {
    const cat = clone();
    cat.services[0].workflow = 'missing';
    expect(() => parseCatalog(cat)).toThrow(/unknown workflow missing/);
  });

  it('rejects an initial state outside the waiting phase', () => {
    const cat = clone();
    cat.workflows['road-fault'].initial = 'fixed';
    expect(() => parseCatalog(cat)).toThrow(/initial state must be in the waiting phase/);
  });
});
