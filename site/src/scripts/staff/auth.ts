/**
 * Staff sign-in against the Cognito user pool named in /config.json, with plain fetch calls (no AWS
 * SDK in the browser): the same JSON-1.1 protocol in AWS and against cognito-local.
 */
import { t } from '../i18n.js';

export interface StaffSession {
  idToken: string;
  refreshToken: string;
  /** When the ID token expires, ms since the epoch. */
  expiresAt: number;
  username: string;
  name: string;
  groups: string[];
  /**
   * Only right after sign-in, never stored: the access token for enrolling a second factor, and
   * whether Cognito asked for one. In AWS the pool requires TOTP, so tokens always follow a TOTP step;
   * locally (cognito-local has no MFA_SETUP) tokens without one mean "not enrolled yet".
   */
  accessToken?: string;
  passedMfa?: boolean;
}

/** Cognito wants a new password before it issues tokens (a user created with a temporary one). */
export interface NewPasswordChallenge {
  challenge: 'NEW_PASSWORD_REQUIRED';
  username: string;
  session: string;
}

/** A sign-in step Cognito refused, in words for the person; `sessionGone` when only a fresh sign-in helps. */
export class AuthError extends Error {
  constructor(
    message: string,
    readonly sessionGone = false,
  ) {
    super(message);
  }
}

/** The `auth` block of /config.json. */
export interface AuthConfig {
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  endpoint?: string;
  /** `required`: no one enters the console without TOTP (the deployed board; Cognito enforces it too). */
  mfa?: 'required' | 'optional';
}
/** Cognito wants a TOTP step: enrolment (`MFA_SETUP`, in AWS) or the current code (`SOFTWARE_TOKEN_MFA`). */
export interface MfaChallenge {
  challenge: 'MFA_SETUP' | 'SOFTWARE_TOKEN_MFA';
  username: string;
  session: string;
}

export type SignInStep = StaffSession | NewPasswordChallenge | MfaChallenge;

interface AuthenticationResult {
  IdToken: string;
  AccessToken?: string;
  RefreshToken?: string;
  ExpiresIn: number;
}
interface AuthResponse {
  AuthenticationResult?: AuthenticationResult;
  ChallengeName?: string;
  Session?: string;
}

/** Friendly words (message keys) for Cognito's error types; anything else shows Cognito's own message. */
const MESSAGES: Record<string, string> = {
  NotAuthorizedException: 'staff.auth.mismatch',
  UserNotFoundException: 'staff.auth.mismatch',
  PasswordResetRequiredException: 'staff.auth.reset',
  UserNotConfirmedException: 'staff.auth.unconfirmed',
  TooManyRequestsException: 'staff.auth.too_many',
  CodeMismatchException: 'staff.auth.wrong_code',
  EnableSoftwareTokenMFAException: 'staff.auth.wrong_code',
  ExpiredCodeException: 'staff.auth.expired_code',
};

export function cognitoUrl(auth: AuthConfig): string {
  return auth.endpoint ?? `https://cognito-idp.${auth.region}.amazonaws.com/`;
}

// cognito-local answers a wrong password with InvalidPasswordException where Cognito says NotAuthorized;
// for RespondToAuthChallenge the same type means "does not meet the policy" and its message says why.
const SIGN_IN_MESSAGES: Record<string, string> = { InvalidPasswordException: 'staff.auth.mismatch' };

export async function cognito<T>(auth: AuthConfig, action: string, body: unknown, messages: Record<string, string> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(cognitoUrl(auth), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityProviderService.${action}`,
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new AuthError(t('staff.auth.unreachable'));
  }
  const json = (await res.json().catch(() => ({}))) as T & { __type?: string; message?: string };
  if (!res.ok) {
    const type = (json.__type ?? '').split('#').pop() ?? '';
    const key = messages[type] ?? MESSAGES[type];
    // Cognito's own words (English, whatever the page's language): a sign-in session that timed out says
    // so ("Invalid session for the user, session is expired."), and is not about the code.
    const own = json.message;
    const sessionGone = !!own && /session|expired/i.test(own) && !/code/i.test(own);
    throw new AuthError(key ? t(key) : (own ?? t('staff.auth.failed', { status: res.status })), sessionGone);
  }
  return json;
}

/** The claims of a JWT, read without verifying (the API verifies; the page only needs names). */
export function claimsOf(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

function toSession(result: AuthenticationResult, refreshToken: string, passedMfa = false): StaffSession {
  const claims = claimsOf(result.IdToken);
  const username = String(claims['cognito:username'] ?? claims.sub ?? '');
  return {
    idToken: result.IdToken,
    refreshToken,
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now() + result.ExpiresIn * 1000,
    username,
    name: String(claims.name ?? claims.email ?? username),
    groups: Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as string[]) : [],
    accessToken: result.AccessToken,
    passedMfa,
  };
}

export function outcome(res: AuthResponse, username: string, passedMfa = false): SignInStep {
  if (res.ChallengeName === 'NEW_PASSWORD_REQUIRED' && res.Session) {
    return { challenge: 'NEW_PASSWORD_REQUIRED', username, session: res.Session };
  }
  if ((res.ChallengeName === 'MFA_SETUP' || res.ChallengeName === 'SOFTWARE_TOKEN_MFA') && res.Session) {
    return { challenge: res.ChallengeName, username, session: res.Session };
  }
  if (res.ChallengeName) throw new AuthError(t('staff.auth.unsupported', { challenge: res.ChallengeName }));
  if (!res.AuthenticationResult?.RefreshToken) throw new AuthError(t('staff.auth.no_tokens'));
  return toSession(res.AuthenticationResult, res.AuthenticationResult.RefreshToken, passedMfa);
}

/** InitiateAuth with USER_PASSWORD_AUTH: a session, or a challenge (new password, TOTP enrolment or code). */
export async function signIn(auth: AuthConfig, username: string, password: string): Promise<SignInStep> {
  const res = await cognito<AuthResponse>(
    auth,
    'InitiateAuth',
    { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: auth.userPoolClientId, AuthParameters: { USERNAME: username, PASSWORD: password } },
    SIGN_IN_MESSAGES,
  );
  return outcome(res, username);
}

/** RespondToAuthChallenge: sets the user's own password in place of the temporary one. */
export async function completeNewPassword(auth: AuthConfig, challenge: NewPasswordChallenge, newPassword: string): Promise<SignInStep> {
  const res = await cognito<AuthResponse>(auth, 'RespondToAuthChallenge', {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    ClientId: auth.userPoolClientId,
    Session: challenge.session,
    ChallengeResponses: { USERNAME: challenge.username, NEW_PASSWORD: newPassword },
  });
  const next = outcome(res, challenge.username);
  if ('challenge' in next && next.challenge === 'NEW_PASSWORD_REQUIRED') throw new AuthError(t('staff.newpass.again_asked'));
  return next;
}

/** REFRESH_TOKEN_AUTH: fresh ID token, same refresh token (Cognito does not rotate it by default). */
export async function refresh(auth: AuthConfig, session: StaffSession): Promise<StaffSession> {
  const res = await cognito<AuthResponse>(auth, 'InitiateAuth', {
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    ClientId: auth.userPoolClientId,
    AuthParameters: { REFRESH_TOKEN: session.refreshToken },
  });
  if (!res.AuthenticationResult) throw new AuthError(t('staff.session.not_renewed'));
  return toSession(res.AuthenticationResult, res.AuthenticationResult.RefreshToken ?? session.refreshToken);
}

/** Revokes the refresh token where the pool supports it; signing out locally never waits on it. */
export function revoke(auth: AuthConfig, session: StaffSession): void {
  cognito(auth, 'RevokeToken', { ClientId: auth.userPoolClientId, Token: session.refreshToken }).catch(() => undefined);
}
