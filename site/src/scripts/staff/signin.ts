import type { SiteConfig } from '../config.js';
import { el, show } from '../dom.js';
import { t } from '../i18n.js';
import { AuthError, completeNewPassword, type NewPasswordChallenge, type SignInStep, type StaffSession, signIn } from './auth.js';
import { busy, byId } from './fields.js';
import { needsEnrolment } from './mfa.js';
import { bindTotp, promptCode, startEnrol } from './signin-totp.js';

/**
 * Sign-in: password, then whatever Cognito asks next (a new password for an account with a temporary
 * one; TOTP enrolment or the current TOTP code), then the console.
 */
let auth: SiteConfig['auth'];
let challenge: NewPasswordChallenge | undefined;
let enter: (session: StaffSession) => Promise<void> = async () => undefined;

export type Screen = 'signin' | 'newpass' | 'mfasetup' | 'mfacode' | 'console';

/** Shows one of the page's screens. */
export function screen(which: Screen): void {
  for (const id of ['signin', 'newpass', 'mfasetup', 'mfacode', 'console']) byId(id).hidden = id !== which;
}

export function formError(id: string, text?: string): void {
  const box = byId(id);
  box.hidden = !text;
  box.textContent = text ?? '';
}

function authNotice(text: string): void {
  show(byId('auth-notice'), text ? el('p', { class: 'notice' }, text) : '');
}

/** The sign-in screen, with why it is showing ("You have signed out.", "Your session ended…"). */
export function showSignIn(message = ''): void {
  authNotice(message);
  screen('signin');
  byId('username').focus();
}

/** Enters the console with a finished session (the access token is not kept). */
export async function signedIn(next: StaffSession): Promise<void> {
  authNotice('');
  byId('password').value = '';
  const { accessToken: _dropped, ...kept } = next;
  await enter(kept);
}

/** Goes to whatever step Cognito asked for next. */
async function nextStep(step: SignInStep): Promise<void> {
  if (!('challenge' in step)) {
    if (needsEnrolment(auth, step) && step.accessToken) return startEnrol(auth, { accessToken: step.accessToken, session: step });
    return signedIn(step);
  }
  if (step.challenge === 'NEW_PASSWORD_REQUIRED') {
    challenge = step;
    screen('newpass');
    byId('newpass-h').focus();
    return;
  }
  if (step.challenge === 'MFA_SETUP') return startEnrol(auth, { session: step.session, username: step.username });
  promptCode(step);
}

async function onSignIn(e: SubmitEvent): Promise<void> {
  e.preventDefault();
  const username = byId('username').value.trim();
  const password = byId('password').value;
  if (!username || !password) return formError('signin-error', t('staff.signin.empty'));
  formError('signin-error');
  await busy(byId('signin-submit'), async () => {
    try {
      const step = await signIn(auth, username, password);
      byId('password').value = '';
      await nextStep(step);
    } catch (err) {
      formError('signin-error', err instanceof AuthError ? err.message : t('staff.signin.failed'));
    }
  });
}

async function onNewPassword(e: SubmitEvent): Promise<void> {
  e.preventDefault();
  const first = byId('new-password').value;
  const again = byId('new-password-again').value;
  if (!first || first !== again) return formError('newpass-error', t('staff.newpass.mismatch'));
  if (!challenge) return showSignIn(t('staff.newpass.restart'));
  formError('newpass-error');
  await busy(byId('newpass-submit'), async () => {
    try {
      const next = await completeNewPassword(auth, challenge as NewPasswordChallenge, first);
      challenge = undefined;
      for (const id of ['new-password', 'new-password-again']) byId(id).value = '';
      await nextStep(next);
    } catch (err) {
      formError('newpass-error', err instanceof AuthError ? err.message : t('staff.newpass.failed'));
    }
  });
}

/** Wires the forms; `entered` receives the session once Cognito has issued tokens (after TOTP where required). */
export function bindSignIn(config: SiteConfig['auth'], entered: (session: StaffSession) => Promise<void>): void {
  auth = config;
  enter = entered;
  byId('signin-form').addEventListener('submit', (e) => void onSignIn(e as SubmitEvent));
  byId('newpass-form').addEventListener('submit', (e) => void onNewPassword(e as SubmitEvent));
  bindTotp(config);
}
