import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ROUTES, routeKey } from '../routes.js';
import { config } from './env.js';
import { createJwtVerifier } from './jwt.js';

type Verifier = ReturnType<typeof createJwtVerifier>;
let verifier: Verifier | undefined;

/** Route keys (`GET /api/staff/reports`) of the rows that need a signed-in staff member. */
const STAFF_ROUTES = new Set(ROUTES.filter((r) => r.auth === 'staff').map(routeKey));

function staffVerifier(): Verifier {
  if (verifier) return verifier;
  const { userPoolId, userPoolClientId, cognitoEndpoint, region } = config();
  if (!userPoolId || !userPoolClientId)
    throw new Error('Invalid configuration: USER_POOL_ID and USER_POOL_CLIENT_ID are required on staff routes');
  verifier = createJwtVerifier({
    cognitoEndpoint: cognitoEndpoint ?? `https://cognito-idp.${region}.amazonaws.com`,
    userPoolId,
    audience: userPoolClientId,
  });
  return verifier;
}

/**
 * On a staff row of the route table, verifies the bearer ID token (401/503 problem+json otherwise) and
 * puts its claims where API Gateway's JWT authorizer used to, for `staffActor()`. Whatever claims the
 * event carried before are dropped: only this check vouches for an identity. Public rows pass untouched.
 */
export async function authenticateStaff(event: APIGatewayProxyEventV2, authorization: string | undefined): Promise<void> {
  if (!STAFF_ROUTES.has(event.routeKey)) return;
  const context = event.requestContext as APIGatewayProxyEventV2['requestContext'] & { authorizer?: unknown };
  delete context.authorizer;
  const claims = await staffVerifier()(authorization);
  context.authorizer = { jwt: { claims, scopes: null } };
}
