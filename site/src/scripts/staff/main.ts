import { ApiError, apiFetch } from '../api.js';
import type { BillState } from '../bill-types.js';
import { brand, loadConfig, type SiteConfig } from '../config.js';
import { $, el, show, statusLine } from '../dom.js';
import { bindActions, pickPin, setActionServices, syncForms } from './actions.js';
import { AuthError, completeNewPassword, type NewPasswordChallenge, type StaffSession, signIn } from './auth.js';
import { bindBillActions, closeBill, currentBill, initBills, openBill } from './bill-item.js';
import { billStageOptions, loadBills, markBill, submitCreate } from './bill-list.js';
import { closeItem, currentItem, initItem, openItem } from './item.js';
import { type QueueFilters, queueQuery, queueRow, sortItems, stateOptions } from './queue.js';
import { initSession, session, signOut, staffFetch, start } from './session.js';
import { type StaffItem, type StaffService, servicesFor } from './types.js';

/** The staff console: sign-in (with the new-password challenge), the work queue and the open item. */
const field = <T extends HTMLElement = HTMLInputElement>(id: string) => $(`#${id}`) as unknown as T;
let config: SiteConfig;
let allServices: StaffService[] = [];
let challenge: NewPasswordChallenge | undefined;

function screen(which: 'signin' | 'newpass' | 'console'): void {
  for (const id of ['signin', 'newpass', 'console']) field(id).hidden = id !== which;
}

function fieldError(id: string, text?: string): void {
  const box = field(id);
  box.hidden = !text;
  box.textContent = text ?? '';
}

function authNotice(text: string): void {
  show(field('auth-notice'), text ? el('p', { class: 'notice' }, text) : '');
}

async function busy(button: HTMLButtonElement, work: () => Promise<void>): Promise<void> {
  button.disabled = true;
  try {
    await work();
  } finally {
    button.disabled = false;
  }
}

function showSignIn(message = ''): void {
  authNotice(message);
  screen('signin');
  field('username').focus();
}

async function signedIn(next: StaffSession): Promise<void> {
  start(next);
  authNotice('');
  field<HTMLInputElement>('password').value = '';
  // showConsole switches screens before its first await: focus the queue heading at once rather than
  // after the data arrives, which would pull focus away from someone already typing a note.
  const ready = showConsole();
  field('queue-h').focus();
  await ready;
}

async function onSignIn(e: SubmitEvent): Promise<void> {
  e.preventDefault();
  const username = field<HTMLInputElement>('username').value.trim();
  const password = field<HTMLInputElement>('password').value;
  if (!username || !password) return fieldError('signin-error', 'Enter your username and password.');
  fieldError('signin-error');
  await busy(field('signin-submit'), async () => {
    try {
      const result = await signIn(config.auth, username, password);
      if ('challenge' in result) {
        challenge = result;
        field<HTMLInputElement>('password').value = '';
        screen('newpass');
        field('newpass-h').focus();
        return;
      }
      await signedIn(result);
    } catch (err) {
      fieldError('signin-error', err instanceof AuthError ? err.message : 'Sign-in failed. Try again.');
    }
  });
}

async function onNewPassword(e: SubmitEvent): Promise<void> {
  e.preventDefault();
  const first = field<HTMLInputElement>('new-password').value;
  const again = field<HTMLInputElement>('new-password-again').value;
  if (!first || first !== again) return fieldError('newpass-error', 'Type the same new password in both boxes.');
  if (!challenge) return showSignIn('Start again: sign in with your temporary password.');
  fieldError('newpass-error');
  await busy(field('newpass-submit'), async () => {
    try {
      const next = await completeNewPassword(config.auth, challenge as NewPasswordChallenge, first);
      challenge = undefined;
      for (const id of ['new-password', 'new-password-again']) field<HTMLInputElement>(id).value = '';
      await signedIn(next);
    } catch (err) {
      fieldError('newpass-error', err instanceof AuthError ? err.message : 'The password could not be set. Try again.');
    }
  });
}

function filters(): QueueFilters {
  const v = (id: string) => field<HTMLSelectElement>(id).value;
  return {
    service: v('f-service'),
    state: v('f-state'),
    priority: v('f-priority'),
    assignee: v('f-assignee'),
    sort: v('f-sort') as QueueFilters['sort'],
  };
}

let queueRequest = 0;

/** Loads the work queue for the filters (every page, up to a few thousand items) and lists it. */
async function loadQueue(): Promise<void> {
  const list = field('queue');
  const status = field('queue-status');
  const mine = servicesFor(allServices, session()?.groups ?? []);
  if (mine.length === 0) {
    list.replaceChildren();
    return show(status, statusLine('empty', 'Your groups act on no report services, so your work queue is empty.'));
  }
  const request = ++queueRequest;
  list.setAttribute('aria-busy', 'true');
  show(status, statusLine('loading', 'Loading the work queue…'));
  const f = filters();
  const items: StaffItem[] = [];
  let cursor: string | undefined;
  try {
    for (let page = 0; page < 10; page++) {
      const path = `${queueQuery(f)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const { body } = await staffFetch<{ items: StaffItem[]; nextCursor?: string }>(path);
      items.push(...body.items);
      cursor = body.nextCursor;
      if (!cursor) break;
    }
  } catch (err) {
    if (request !== queueRequest) return;
    list.removeAttribute('aria-busy');
    list.replaceChildren();
    return show(
      status,
      statusLine('error', `The work queue could not be loaded: ${err instanceof ApiError ? err.detail : 'unknown error'}`),
    );
  }
  if (request !== queueRequest) return;
  const open = currentItem()?.id;
  list.removeAttribute('aria-busy');
  list.replaceChildren(...sortItems(items, f.sort).map((i) => queueRow(i, i.id === open)));
  const count = `${items.length} item${items.length === 1 ? '' : 's'}${cursor ? ' shown; there are more: narrow the filters to see them' : ''}.`;
  show(status, items.length ? el('p', { class: 'muted' }, count) : statusLine('empty', 'No items match these filters.'));
}

function markSelected(id: string): void {
  for (const li of field('queue').querySelectorAll('li')) {
    const on = li.getAttribute('data-id') === id;
    li.classList.toggle('selected', on);
    const link = li.querySelector('a');
    if (on) link?.setAttribute('aria-current', 'true');
    else link?.removeAttribute('aria-current');
  }
}

async function openFromUrl(focus = false): Promise<void> {
  const id = new URLSearchParams(location.search).get('id');
  if (!id) return;
  await openItem(id, { focus });
  const item = currentItem();
  if (item) markSelected(item.id);
}

let consoleReady = false;

const billService = () => allServices.find((s) => s.kind === 'bill');
const actsOnBills = (groups: string[]) => groups.includes('admin') || !!billService()?.teams.some((t) => groups.includes(t));

/** Shows the reports or the bills screen; the tab buttons say which is showing. */
function tab(which: 'reports' | 'bills', focus = false): void {
  field('reports-screen').hidden = which !== 'reports';
  field('bills-screen').hidden = which !== 'bills';
  field('tab-reports').setAttribute('aria-pressed', String(which === 'reports'));
  field('tab-bills').setAttribute('aria-pressed', String(which === 'bills'));
  if (focus) field(which === 'reports' ? 'queue-h' : 'bills-h').focus();
}

let billsReady = false;

/** The Bills screen for legislature staff and admins: the list, the new-bill form and the open bill. */
async function showBills(groups: string[]): Promise<void> {
  const states = (billService()?.workflow.states ?? []) as BillState[];
  initBills({
    states,
    office: groups.find((g) => g.startsWith('office-')),
    changed: () => void loadBills(currentBill()?.id),
  });
  if (!billsReady) {
    billsReady = true;
    billStageOptions(states);
    bindBillActions();
  }
  const id = new URLSearchParams(location.search).get('bill');
  await Promise.all([loadBills(id ?? undefined), id ? openBill(id) : Promise.resolve()]);
}

async function showConsole(): Promise<void> {
  const s = session() as StaffSession;
  const who = s.name === s.username ? s.username : `${s.name} (${s.username})`;
  field('whoami').textContent = `Signed in as ${who}; groups: ${s.groups.join(', ') || 'none'}.`;
  screen('console');
  const mine = servicesFor(allServices, s.groups);
  // Nothing to filter for someone whose groups act on no report service: the queue says so instead.
  field('filters').hidden = mine.length === 0;
  const select = field<HTMLSelectElement>('f-service');
  select.replaceChildren(
    el('option', { value: '' }, mine.length ? 'All my services' : 'No services for your groups'),
    ...mine.map((sv) => el('option', { value: sv.code }, sv.name)),
  );
  const state = field<HTMLSelectElement>('f-state');
  state.replaceChildren(el('option', { value: '' }, 'Any status'));
  stateOptions(state, mine);
  state.value = 'phase:waiting';
  initItem(config, mine, { sync: syncForms, changed: () => void loadQueue(), pickPin });
  setActionServices(mine);
  if (!consoleReady) {
    consoleReady = true;
    bindActions();
  }
  const bills = actsOnBills(s.groups);
  field('console-tabs').hidden = !bills;
  const params = new URLSearchParams(location.search);
  tab(bills && (params.has('bill') || (!params.has('id') && mine.length === 0)) ? 'bills' : 'reports');
  if (!bills) closeBill();
  await Promise.all([loadQueue(), openFromUrl(), bills ? showBills(s.groups) : Promise.resolve()]);
}

async function openBillFromUrl(focus = false): Promise<void> {
  const id = new URLSearchParams(location.search).get('bill');
  if (!id || field('console-tabs').hidden) return;
  tab('bills');
  await openBill(id, { focus });
  const bill = currentBill();
  if (bill) markBill(bill.id);
}

async function boot(): Promise<void> {
  void brand();
  try {
    config = await loadConfig();
    allServices = (await apiFetch<{ items: StaffService[] }>('/services')).body.items;
  } catch {
    show(field('boot'), statusLine('error', 'The console could not load the board’s configuration. Reload the page to try again.'));
    return;
  }
  field('boot').remove();
  initSession(config.auth, (message) => showSignIn(message));
  field('signin-form').addEventListener('submit', (e) => void onSignIn(e as SubmitEvent));
  field('newpass-form').addEventListener('submit', (e) => void onNewPassword(e as SubmitEvent));
  field('signout').addEventListener('click', () => {
    signOut();
    closeItem();
    closeBill();
    field('queue').replaceChildren();
    field('bill-list').replaceChildren();
    showSignIn('You have signed out.');
  });
  field('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    void loadQueue();
  });
  for (const id of ['f-service', 'f-state', 'f-priority', 'f-assignee', 'f-sort'])
    field(id).addEventListener('change', () => void loadQueue());
  field('queue').addEventListener('click', (e) => {
    const link = (e.target as HTMLElement).closest('a');
    if (!link || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    history.pushState(null, '', link.getAttribute('href'));
    void openFromUrl(true);
  });
  window.addEventListener('popstate', () => {
    void openFromUrl();
    void openBillFromUrl();
  });
  field('tab-reports').addEventListener('click', () => tab('reports', true));
  field('tab-bills').addEventListener('click', () => tab('bills', true));
  field('bill-filters').addEventListener('submit', (e) => {
    e.preventDefault();
    void loadBills(currentBill()?.id);
  });
  for (const id of ['bf-stage', 'bf-vote']) field(id).addEventListener('change', () => void loadBills(currentBill()?.id));
  field('bill-list').addEventListener('click', (e) => {
    const link = (e.target as HTMLElement).closest('a');
    if (!link || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    history.pushState(null, '', link.getAttribute('href'));
    void openBillFromUrl(true);
  });
  field('bill-new').addEventListener('click', () => {
    const box = field('bill-create');
    box.hidden = !box.hidden;
    field('bill-new').setAttribute('aria-expanded', String(!box.hidden));
    if (!box.hidden) field('bc-number').focus();
  });
  field('bc-cancel').addEventListener('click', () => {
    field('bill-create').hidden = true;
    field('bill-new').setAttribute('aria-expanded', 'false');
    field('bill-new').focus();
  });
  field('bill-create-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const button = field<HTMLButtonElement>('bc-submit');
    void busy(button, () =>
      submitCreate(async (id) => {
        history.pushState(null, '', `/staff/?bill=${encodeURIComponent(id)}`);
        await Promise.all([openBillFromUrl(true), loadBills(id)]);
      }),
    );
  });
  if (session()) await showConsole();
  else showSignIn();
}

void boot();
