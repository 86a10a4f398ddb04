import { ApiError, apiFetch } from '../api.js';
import type { SiteConfig } from '../config.js';
import { t } from '../i18n.js';
import { refresh, revoke, type StaffSession } from './auth.js';

/**
 * The signed-in session: kept in memory and in sessionStorage (so a reload in the same tab stays
 * signed in, and closing the tab signs out), never in a URL. The ID token is renewed a little before
 * it expires; a staff call that still gets 401 renews once and retries.
 */
const KEY = 'civicboard.staff.session';
const RENEW_BEFORE_MS = 2 * 60_000;

let auth: SiteConfig['auth'];
let current: StaffSession | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let onEnded: (message: string) => void = () => undefined;

export function initSession(config: SiteConfig['auth'], ended: (message: string) => void): StaffSession | undefined {
  auth = config;
  onEnded = ended;
  try {
    const saved = sessionStorage.getItem(KEY);
    if (saved) start(JSON.parse(saved) as StaffSession);
  } catch {
    sessionStorage.removeItem(KEY);
  }
  return current;
}

export const session = () => current;

export function start(next: StaffSession): void {
  current = next;
  sessionStorage.setItem(KEY, JSON.stringify(next));
  clearTimeout(timer);
  schedule(Math.max(5_000, next.expiresAt - Date.now() - RENEW_BEFORE_MS));
}

/** Renews ahead of expiry; a failed renewal is retried while the token still works (a network blip). */
function schedule(delay: number): void {
  clearTimeout(timer);
  timer = setTimeout(() => void renew().catch(() => (stillValid() ? schedule(30_000) : end(ENDED()))), delay);
}

const ENDED = () => t('staff.session.ended');
const stillValid = () => !!current && current.expiresAt - Date.now() > 30_000;

export async function renew(): Promise<StaffSession> {
  if (!current) throw new ApiError(401, t('staff.session.signed_out'));
  start(await refresh(auth, current));
  return current as StaffSession;
}

export function signOut(): void {
  if (current) revoke(auth, current);
  clear();
}

/** Ends the session because it can no longer be used (refresh failed, token rejected). */
function end(message: string): void {
  clear();
  onEnded(message);
}

function clear(): void {
  current = undefined;
  clearTimeout(timer);
  sessionStorage.removeItem(KEY);
}

async function validToken(): Promise<string> {
  if (!current) throw new ApiError(401, t('staff.session.signed_out'));
  if (current.expiresAt - Date.now() < RENEW_BEFORE_MS) {
    try {
      await renew();
    } catch {
      if (!stillValid()) {
        end(ENDED());
        throw new ApiError(401, ENDED());
      }
    }
  }
  return (current as StaffSession).idToken;
}

/** A staff API call with the ID token; 401 renews the token once, then ends the session. */
export async function staffFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<{ body: T; headers: Headers }> {
  const call = async (token: string) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    return apiFetch<T>(path, { ...init, headers });
  };
  try {
    return await call(await validToken());
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 401) throw err;
    try {
      return await call((await renew()).idToken);
    } catch (retry) {
      if (retry instanceof ApiError && retry.status !== 401) throw retry;
      end(ENDED());
      throw retry;
    }
  }
}
