import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { UnauthenticatedError, UnavailableError } from '../../shared/errors.js';

export interface JwtVerifierOptions {
  /** Where the pool lives: `https://cognito-idp.<region>.amazonaws.com` in AWS, cognito-local's base URL locally. */
  cognitoEndpoint: string;
  userPoolId: string;
  /** The app client id: an ID token's audience. */
  audience: string;
}

export type Claims = Record<string, string>;

/**
 * Verifies a bearer ID token: signature against the pool's JWKS (fetched once per cold start and
 * cached by jose), issuer, audience (client id), expiry, and `token_use: id`. The same code runs in
 * Lambda and locally, so a bad token gets the same 401 problem+json in both. Returns the claims
 * flattened to strings as API Gateway's JWT authorizer passed them (arrays become "[a b]").
 * Throws UnauthenticatedError (401) for a bad token, UnavailableError (503) when the JWKS cannot be read.
 */
export function createJwtVerifier(opts: JwtVerifierOptions) {
  const issuer = `${opts.cognitoEndpoint.replace(/\/$/, '')}/${opts.userPoolId}`;
  const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`), { timeoutDuration: 2000 });
  return async (authorization: string | undefined): Promise<Claims> => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new UnauthenticatedError('Sign in and send your ID token as "Authorization: Bearer <token>".');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(match[1] as string, jwks, { issuer, audience: opts.audience, algorithms: ['RS256'] }));
    } catch (err) {
      if (err instanceof errors.JWTExpired) throw new UnauthenticatedError('Your session has expired: sign in again.');
      // The key set could not be read: the token may be fine, so this is not the caller's fault.
      if (err instanceof errors.JWKSTimeout || !(err instanceof errors.JOSEError))
        throw new UnavailableError('Sign-in checks are unavailable. Retry in a few seconds.', 3, { cause: err });
      throw new UnauthenticatedError('The token is not valid for this board: sign in again.');
    }
    if (payload.token_use !== 'id') throw new UnauthenticatedError('Send the ID token, not the access token.');
    return Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, flatten(v)]));
  };
}

function flatten(value: unknown): string {
  if (Array.isArray(value)) return `[${value.join(' ')}]`;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
