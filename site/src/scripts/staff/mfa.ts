import { t } from '../i18n.js';
import { type AuthConfig, AuthError, cognito, type MfaChallenge, outcome, type StaffSession } from './auth.js';

/**
 * TOTP for staff: enrolment and the code at each sign-in, with the same JSON-1.1 calls in AWS and
 * against cognito-local. Enrolment starts from one of two credentials:
 * - AWS (pool MFA required): Cognito answers the password with `MFA_SETUP` and a session;
 * - locally (cognito-local has no MFA_SETUP; its pool has MFA optional): the tokens of a user who has
 *   not enrolled, whose access token enrols them (then SetUserMFAPreference makes TOTP their step).
 * Everything the user sees and types is the same either way.
 */
export type EnrolFrom = { session: string; username: string } | { accessToken: string; session: StaffSession };

export interface Enrolment {
  from: EnrolFrom;
  /** The base32 secret the authenticator app stores. */
  secret: string;
}

interface AssociateResponse {
  SecretCode: string;
  Session?: string;
}
interface VerifyResponse {
  Status?: string;
  Session?: string;
}

const credential = (from: EnrolFrom) => ('accessToken' in from ? { AccessToken: from.accessToken } : { Session: from.session });

/** AssociateSoftwareToken: a new TOTP secret for the user. */
export async function startEnrolment(auth: AuthConfig, from: EnrolFrom): Promise<Enrolment> {
  const res = await cognito<AssociateResponse>(auth, 'AssociateSoftwareToken', credential(from));
  const next = 'accessToken' in from ? from : { ...from, session: res.Session ?? from.session };
  return { from: next, secret: res.SecretCode };
}

/** VerifySoftwareToken with the first code, then the session: MFA_SETUP answered (AWS) or TOTP preferred (local). */
export async function finishEnrolment(auth: AuthConfig, enrolment: Enrolment, code: string): Promise<StaffSession> {
  const { from } = enrolment;
  const verified = await cognito<VerifyResponse>(auth, 'VerifySoftwareToken', {
    ...credential(from),
    UserCode: code,
    FriendlyDeviceName: 'civicboard',
  });
  if (verified.Status && verified.Status !== 'SUCCESS') throw new AuthError(t('staff.auth.wrong_code'));
  if ('accessToken' in from) {
    await cognito(auth, 'SetUserMFAPreference', {
      AccessToken: from.accessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    });
    return { ...from.session, passedMfa: true };
  }
  const res = await cognito<Parameters<typeof outcome>[0]>(auth, 'RespondToAuthChallenge', {
    ChallengeName: 'MFA_SETUP',
    ClientId: auth.userPoolClientId,
    Session: verified.Session ?? from.session,
    ChallengeResponses: { USERNAME: from.username },
  });
  return tokensOrFail(outcome(res, from.username, true));
}

/** RespondToAuthChallenge SOFTWARE_TOKEN_MFA: the code from the app; a wrong one throws a clear AuthError. */
export async function answerCode(auth: AuthConfig, challenge: MfaChallenge, code: string): Promise<StaffSession> {
  const res = await cognito<Parameters<typeof outcome>[0]>(auth, 'RespondToAuthChallenge', {
    ChallengeName: 'SOFTWARE_TOKEN_MFA',
    ClientId: auth.userPoolClientId,
    Session: challenge.session,
    ChallengeResponses: { USERNAME: challenge.username, SOFTWARE_TOKEN_MFA_CODE: code },
  });
  return tokensOrFail(outcome(res, challenge.username, true));
}

function tokensOrFail(step: ReturnType<typeof outcome>): StaffSession {
  if ('challenge' in step) throw new AuthError(t('staff.auth.another_step', { challenge: step.challenge }));
  return step;
}

/** Whether a fresh session still needs TOTP enrolment before it may enter the console. */
export const needsEnrolment = (auth: AuthConfig, session: StaffSession) => auth.mfa === 'required' && !session.passedMfa;

/** The `otpauth://` address an authenticator app reads (as a link on a phone, or typed as the key). */
export function otpauthUri(secret: string, username: string, issuer: string): string {
  const label = encodeURIComponent(`${issuer}:${username}`);
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}

/** A 6-digit code as typed: spaces and dashes allowed. */
export const cleanCode = (typed: string) => typed.replace(/[\s-]/g, '');

/**
 * The otpauth address as an SVG QR code a phone's authenticator app scans (error correction M, a quiet
 * zone of 4 modules as the standard asks). Loaded only when a user enrols: no other page pays for it.
 * The SVG holds only paths: the secret and the user name are in its pixels, never in markup.
 */
export async function qrCodeSvg(uri: string): Promise<string> {
  const qrcode = await import('qrcode');
  return qrcode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
}
