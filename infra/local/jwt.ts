import { createRemoteJWKSet, errors, jwtVerify } from 'jose';

export interface JwtVerifierOptions {
  /** `http://localhost:<port>`: cognito-local's base URL. */
  cognitoEndpoint: string;
  userPoolId: string;
  /** The app client id: an ID token's audience. */
  audience: string;
}

export type Claims = Record<string, string>;

/**
 * Verifies a bearer ID token the way the HTTP API's JWT authorizer does: signature against the pool's
 * JWKS, issuer, audience (client id), expiry, and `token_use: id`. Returns the claims flattened to
 * strings as API Gateway passes them (arrays become "[a b]"), or a reason for a 401.
 */
export function createJwtVerifier(opts: JwtVerifierOptions) {
  const issuer = `${opts.cognitoEndpoint}/${opts.userPoolId}`;
  const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
  return async (authorization: string | undefined): Promise<{ claims: Claims } | { error: string }> => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return { error: 'Send your ID token as "Authorization: Bearer <token>".' };
    try {
      const { payload } = await jwtVerify(match[1] as string, jwks, { issuer, audience: opts.audience, algorithms: ['RS256'] });
      if (payload.token_use !== 'id') return { error: 'Send the ID token, not the access token.' };
      return { claims: Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, flatten(v)])) };
    } catch (err) {
      if (err instanceof errors.JWTExpired) return { error: 'Your session has expired: sign in again.' };
      return { error: 'The token is not valid for this board: sign in again.' };
    }
  };
}

function flatten(value: unknown): string {
  if (Array.isArray(value)) return `[${value.join(' ')}]`;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
