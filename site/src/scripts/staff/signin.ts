import type { SiteConfig } from '../config.js';
import { el, show } from '../dom.js';
import { AuthError, completeNewPassword, type NewPasswordChallenge, type StaffSession, signIn } from './auth.js';
import { busy, byId } from './fields.js';

/** Sign-in, with Cognito's new-password challenge for an account that still has its temporary password. */
let auth: SiteConfig['auth'];
let challenge: NewPasswordChallenge | undefined;
let enter: (session: StaffSession) => Promise<void> = async () => undefined;

/** Shows one of the page's three screens: sign-in, new password, or the console. */
export function screen(which: 'signin' | 'newpass' | 'console'): void {
  for (const id of ['signin', 'newpass', 'console']) byId(id).hidden = id !== which;
}

function formError(id: string, text?: string): void {
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

async function signedIn(next: StaffSession): Promise<void> {
  authNotice('');
  byId('password').value = '';
  await enter(next);
}

async function onSignIn(e: SubmitEvent): Promise<void> {
  e.preventDefault();
  const username = byId('username').value.trim();
  const password = byId('password').value;
  if (!username || !password) return formError('signin-error', 'Enter your username and password.');
  formError('signin-error');
  await busy(byId('signin-submit'), async () => {
    try {
      const result = await signIn(auth, username, password);
      if ('challenge' in result) {
        challenge = result;
        byId('password').value = '';
        screen('newpass');
        byId('newpass-h').focus();
        return;
      }
      await signedIn(result);
    } catch (err) {
      formError('signin-error', err instanceof AuthError ? err.message : 'Sign-in failed. Try again.');
    }
  });
}

async function onNewPassword(e: SubmitEvent): Promise<void> {
  e.preventDefault();
  const first = byId('new-password').value;
  const again = byId('new-password-again').value;
  if (!first || first !== again) return formError('newpass-error', 'Type the same new password in both boxes.');
  if (!challenge) return showSignIn('Start again: sign in with your temporary password.');
  formError('newpass-error');
  await busy(byId('newpass-submit'), async () => {
    try {
      const next = await completeNewPassword(auth, challenge as NewPasswordChallenge, first);
      challenge = undefined;
      for (const id of ['new-password', 'new-password-again']) byId(id).value = '';
      await signedIn(next);
    } catch (err) {
      formError('newpass-error', err instanceof AuthError ? err.message : 'The password could not be set. Try again.');
    }
  });
}

/** Wires both forms; `entered` receives the session once Cognito has issued tokens. */
export function bindSignIn(config: SiteConfig['auth'], entered: (session: StaffSession) => Promise<void>): void {
  auth = config;
  enter = entered;
  byId('signin-form').addEventListener('submit', (e) => void onSignIn(e as SubmitEvent));
  byId('newpass-form').addEventListener('submit', (e) => void onNewPassword(e as SubmitEvent));
}
