import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { ROUTES } from '../../functions/routes.js';

/**
 * Staff authentication is loaded only by functions that serve staff (functions/lib/staff-gate.ts): these
 * keep that split from opening a route. The end-to-end refusals (401 without a valid token, 403 without
 * the group) are in test/integration/authorize-first.test.ts and the hostile suite.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const event = (routeKey: string) => ({ routeKey, requestContext: {} }) as unknown as APIGatewayProxyEventV2;

describe('the staff gate', () => {
  it('every staff row of the route table is under /api/staff/, and every row there is staff', async () => {
    const { STAFF_PATH } = await import('../../functions/lib/staff-gate.js');
    const staff = ROUTES.filter((r) => r.auth === 'staff');
    expect(staff.length).toBeGreaterThan(0);
    expect(staff.filter((r) => !r.path.startsWith(STAFF_PATH))).toEqual([]);
    expect(ROUTES.filter((r) => r.path.startsWith(STAFF_PATH) && r.auth !== 'staff')).toEqual([]);
  });

  it("every staff row's handler uses functions/lib/claims.ts, which loads the verifier", () => {
    const handlers = [...new Set(ROUTES.filter((r) => r.auth === 'staff').map((r) => r.handler))];
    const without = handlers.filter((h) => !readFileSync(join(ROOT, 'functions', `${h}.ts`), 'utf8').includes("from '../lib/claims.js'"));
    expect(handlers.length).toBeGreaterThan(0);
    expect(without).toEqual([]);
  });

  it('refuses a staff route in a function that loaded no verifier, and lets a public one through', async () => {
    vi.resetModules();
    const { gateStaff } = await import('../../functions/lib/staff-gate.js');
    await expect(gateStaff(event('GET /api/staff/reports'), 'Bearer x')).rejects.toThrow(/loaded no staff authentication/);
    await expect(gateStaff(event('POST /api/reports'), undefined)).resolves.toBeUndefined();
  });

  it('hands every request to the verifier once claims.ts is loaded', async () => {
    vi.resetModules();
    const gate = await import('../../functions/lib/staff-gate.js');
    const seen: string[] = [];
    gate.useStaffAuthentication(async (e) => {
      seen.push(e.routeKey);
    });
    await gate.gateStaff(event('GET /api/staff/reports'), 'Bearer x');
    await gate.gateStaff(event('POST /api/reports'), undefined);
    expect(seen).toEqual(['GET /api/staff/reports', 'POST /api/reports']);
    // And claims.ts registers the real one: a staff route without a token is refused by it (401), not let through.
    vi.resetModules();
    const fresh = await import('../../functions/lib/staff-gate.js');
    await import('../../functions/lib/claims.js');
    await expect(fresh.gateStaff(event('GET /api/staff/reports'), undefined)).rejects.toMatchObject({ name: expect.any(String) });
    await expect(fresh.gateStaff(event('GET /api/staff/reports'), undefined)).rejects.not.toThrow(/loaded no staff authentication/);
  });
});
