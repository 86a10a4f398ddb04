import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { importJWK, type JWK, SignJWT } from 'jose';
import { inject } from 'vitest';

const require = createRequire(import.meta.url);

/**
 * Signs an ID token with cognito-local's own private key, so a test can present a token whose
 * signature is genuine but whose claims (expiry, groups) are what the test needs.
 */
export async function signWithEmulatorKey(claims: Record<string, unknown>, expiresAt: number): Promise<string> {
  const { jwk } = JSON.parse(readFileSync(require.resolve('cognito-local/lib/keys/cognitoLocal.private.json'), 'utf8')) as { jwk: JWK };
  const key = await importJWK(jwk, 'RS256');
  return new SignJWT({ token_use: 'id', 'cognito:username': 'roads.officer', 'cognito:groups': ['roads'], ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' })
    .setIssuer(`${inject('cognitoEndpoint')}/${inject('userPoolId')}`)
    .setAudience(inject('userPoolClientId'))
    .setIssuedAt(expiresAt - 3600)
    .setExpirationTime(expiresAt)
    .sign(key);
}
