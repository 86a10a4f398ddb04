import type { SiteConfig } from '../config.js';
import { t } from '../i18n.js';
import { AuthError, type MfaChallenge } from './auth.js';
import { busy, byId } from './fields.js';
import { answerCode, cleanCode, type EnrolFrom, type Enrolment, finishEnrolment, otpauthUri, qrCodeSvg, startEnrolment } from './mfa.js';
import { formError, screen, showSignIn, signedIn } from './signin.js';

/** The two TOTP screens: enrolment (secret, link, first code) and the code at each sign-in. */
let auth: SiteConfig['auth'];
let enrolment: Enrolment | undefined;
let pending: MfaChallenge | undefined;

const CODE = /^\d{6}$/;

/** Starts enrolment: asks Cognito for a secret and shows it as a QR code, grouped for typing, and as an otpauth link. */
export async function startEnrol(config: SiteConfig['auth'], from: EnrolFrom): Promise<void> {
  auth = config;
  enrolment = await startEnrolment(auth, from);
  const username = 'username' in from ? from.username : from.session.username;
  byId('mfa-secret').textContent = enrolment.secret.replace(/(.{4})/g, '$1 ').trim();
  // The issuer the app lists the account under: the board's name, the same in every language.
  const uri = otpauthUri(enrolment.secret, username, 'civicboard');
  byId('mfa-uri').setAttribute('href', uri);
  await showQrCode(uri);
  formError('mfasetup-error');
  screen('mfasetup');
  byId('mfasetup-h').focus();
}

/** The QR code; if it cannot be drawn the typed key and the link still work, so enrolment goes on without it. */
async function showQrCode(uri: string): Promise<void> {
  const box = byId('mfa-qr');
  try {
    // qrcode's own SVG: paths only, no text from the user or Cognito (qrCodeSvg in mfa.ts).
    box.innerHTML = await qrCodeSvg(uri);
    box.hidden = false;
  } catch {
    box.replaceChildren();
    box.hidden = true;
  }
}

/** Asks for the current code (an enrolled user's later sign-ins). */
export function promptCode(challenge: MfaChallenge): void {
  pending = challenge;
  formError('mfacode-error');
  screen('mfacode');
  byId('mfa-code').focus();
}

async function submit(
  e: Event,
  ids: { input: string; error: string; button: string },
  act: (code: string) => Promise<void>,
): Promise<void> {
  e.preventDefault();
  const input = byId(ids.input) as HTMLInputElement;
  const code = cleanCode(input.value);
  if (!CODE.test(code)) return formError(ids.error, t('staff.mfa.code.empty'));
  formError(ids.error);
  await busy(byId(ids.button), async () => {
    try {
      await act(code);
      input.value = '';
    } catch (err) {
      const message = err instanceof AuthError ? err.message : t('staff.mfa.code.failed');
      // A sign-in session lasts minutes and some refusals end it: then only a fresh sign-in helps.
      if (err instanceof AuthError && err.sessionGone) return showSignIn(t('staff.mfa.too_slow'));
      input.value = '';
      formError(ids.error, message);
      input.focus();
    }
  });
}

export function bindTotp(config: SiteConfig['auth']): void {
  auth = config;
  byId('mfasetup-form').addEventListener('submit', (e) =>
    submit(e, { input: 'mfa-setup-code', error: 'mfasetup-error', button: 'mfasetup-submit' }, async (code) => {
      if (!enrolment) return showSignIn(t('staff.mfa.restart'));
      const session = await finishEnrolment(auth, enrolment, code);
      enrolment = undefined;
      await signedIn(session);
    }),
  );
  byId('mfacode-form').addEventListener('submit', (e) =>
    submit(e, { input: 'mfa-code', error: 'mfacode-error', button: 'mfacode-submit' }, async (code) => {
      if (!pending) return showSignIn(t('staff.mfa.restart'));
      const session = await answerCode(auth, pending, code);
      pending = undefined;
      await signedIn(session);
    }),
  );
}
