import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * Where `route()` hands a request to staff authentication without importing it. The verifier (jose, the
 * route table: ~28 KB of every bundle, and their start-up) is loaded only by functions that serve staff:
 * `functions/lib/claims.ts`, which every staff handler uses for `staffActor()`, registers it. Public
 * functions never load it. Fail closed: a staff path reached by a function that registered no verifier
 * is refused (500, "internal error"), never served. test/unit/staff-gate.test.ts keeps every staff row of
 * the route table under STAFF_PATH and every staff handler on claims.ts.
 */
export const STAFF_PATH = '/api/staff/';

type Authenticate = (event: APIGatewayProxyEventV2, authorization: string | undefined) => Promise<void>;
let authenticate: Authenticate | undefined;

/** Called once by functions/lib/claims.ts with functions/lib/staff-auth.ts's `authenticateStaff`. */
export function useStaffAuthentication(fn: Authenticate): void {
  authenticate = fn;
}

/** Verifies the caller on a staff row (the registered verifier decides from the route table), or refuses. */
export async function gateStaff(event: APIGatewayProxyEventV2, authorization: string | undefined): Promise<void> {
  if (authenticate) return authenticate(event, authorization);
  const path = event.routeKey?.slice(event.routeKey.indexOf(' ') + 1) ?? '';
  if (path.startsWith(STAFF_PATH)) throw new Error(`${event.routeKey} is a staff route but its function loaded no staff authentication`);
}
