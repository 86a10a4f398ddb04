import { afterEach, describe, expect, it, vi } from 'vitest';
// First: the page's English messages, which the console's scripts read when they load.
import '../support/staff-page-language.js';
import { AuthError, signIn } from '../../site/src/scripts/staff/auth.js';
import { answerCode, finishEnrolment, needsEnrolment, startEnrolment } from '../../site/src/scripts/staff/mfa.js';

// The AWS side of staff MFA, which cognito-local cannot play (it never answers MFA_SETUP): the calls the
// console makes, checked against a scripted Cognito. The local path (access-token enrolment, the
// SOFTWARE_TOKEN_MFA code) runs for real in test/e2e/staff-mfa.test.ts.
const auth = { region: 'eu-west-2', userPoolId: 'eu-west-2_x', userPoolClientId: 'client', mfa: 'required' as const };
const idToken = (claims: object) => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.s`;
const TOKENS = { AuthenticationResult: { IdToken: idToken({ 'cognito:username': 'ada', exp: 2e9 }), RefreshToken: 'r', ExpiresIn: 3600 } };

type Call = { action: string; body: Record<string, unknown> };
function cognito(answers: Record<string, unknown[]>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (_url: string, init: { headers: Record<string, string>; body: string }) => {
    const action = init.headers['X-Amz-Target']?.split('.').pop() as string;
    calls.push({ action, body: JSON.parse(init.body) });
    const answer = answers[action]?.shift() ?? {};
    const status = (answer as { __type?: string }).__type ? 400 : 200;
    return new Response(JSON.stringify(answer), { status });
  });
  return calls;
}
afterEach(() => vi.unstubAllGlobals());

describe('TOTP enrolment in AWS (MFA_SETUP)', () => {
  it('password → MFA_SETUP → AssociateSoftwareToken(session) → VerifySoftwareToken → RespondToAuthChallenge → tokens', async () => {
    const calls = cognito({
      InitiateAuth: [{ ChallengeName: 'MFA_SETUP', Session: 's1' }],
      AssociateSoftwareToken: [{ SecretCode: 'JBSWY3DPEHPK3PXP', Session: 's2' }],
      VerifySoftwareToken: [{ Status: 'SUCCESS', Session: 's3' }],
      RespondToAuthChallenge: [TOKENS],
    });
    const step = await signIn(auth, 'ada', 'pw');
    expect(step).toEqual({ challenge: 'MFA_SETUP', username: 'ada', session: 's1' });
    const enrolment = await startEnrolment(auth, { session: 's1', username: 'ada' });
    expect(enrolment.secret).toBe('JBSWY3DPEHPK3PXP');
    const session = await finishEnrolment(auth, enrolment, '123456');
    expect(session.username).toBe('ada');
    expect(needsEnrolment(auth, session)).toBe(false);
    expect(calls.map((c) => c.action)).toEqual(['InitiateAuth', 'AssociateSoftwareToken', 'VerifySoftwareToken', 'RespondToAuthChallenge']);
    expect(calls[1]?.body).toEqual({ Session: 's1' });
    expect(calls[2]?.body).toMatchObject({ Session: 's2', UserCode: '123456' });
    expect(calls[3]?.body).toEqual({
      ChallengeName: 'MFA_SETUP',
      ClientId: 'client',
      Session: 's3',
      ChallengeResponses: { USERNAME: 'ada' },
    });
  });

  it('a wrong first code is a clear message, not a crash', async () => {
    cognito({ VerifySoftwareToken: [{ __type: 'EnableSoftwareTokenMFAException', message: 'Code mismatch' }] });
    await expect(finishEnrolment(auth, { from: { session: 's', username: 'ada' }, secret: 'X' }, '000000')).rejects.toThrow(
      new AuthError('That code is not right. Enter the 6-digit code your authenticator app shows now.'),
    );
  });
});

describe('the TOTP code at later sign-ins (SOFTWARE_TOKEN_MFA)', () => {
  it('answers the challenge with the code and returns a session that passed MFA', async () => {
    const calls = cognito({ RespondToAuthChallenge: [TOKENS] });
    const session = await answerCode(auth, { challenge: 'SOFTWARE_TOKEN_MFA', username: 'ada', session: 's' }, '654321');
    expect(session.passedMfa).toBe(true);
    expect(calls[0]?.body).toMatchObject({
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      ChallengeResponses: { SOFTWARE_TOKEN_MFA_CODE: '654321' },
    });
  });

  it('a wrong code (CodeMismatchException) says so', async () => {
    cognito({ RespondToAuthChallenge: [{ __type: 'CodeMismatchException', message: 'Invalid code received for user' }] });
    await expect(answerCode(auth, { challenge: 'SOFTWARE_TOKEN_MFA', username: 'ada', session: 's' }, '000000')).rejects.toThrow(
      /not right/,
    );
  });

  it('tokens straight after the password (an unenrolled user of an MFA-optional pool) still need enrolment where MFA is required', async () => {
    cognito({ InitiateAuth: [TOKENS] });
    const step = await signIn(auth, 'ada', 'pw');
    expect('challenge' in step).toBe(false);
    expect(needsEnrolment(auth, step as Exclude<typeof step, { challenge: string }>)).toBe(true);
    expect(needsEnrolment({ ...auth, mfa: 'optional' }, step as Exclude<typeof step, { challenge: string }>)).toBe(false);
  });
});
