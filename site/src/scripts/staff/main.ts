import type { ServiceView } from '../../../../shared/api-types.js';
import { apiFetch } from '../api.js';
import { brand, loadConfig, type SiteConfig } from '../config.js';
import { show, statusLine } from '../dom.js';
import { t } from '../i18n.js';
import { bindApiKeys, showApiKeys } from './api-keys.js';
import type { StaffSession } from './auth.js';
import { actsOnBills, bindBills, closeBills, openBillFromUrl, showBills } from './bills-console.js';
import { byId } from './fields.js';
import { bindReports, closeReports, loadQueue, openFromUrl, showReports } from './reports-console.js';
import { initSession, session, signOut, start } from './session.js';
import { bindSignIn, screen, showSignIn } from './signin.js';
import { bindTabs, offerTabs, showTab } from './tabs.js';
import { servicesFor } from './types.js';

/** The staff console: sign-in, then the Reports screen and, for legislature staff and admins, the Bills screen. */
let config: SiteConfig;
let allServices: ServiceView[] = [];

async function entered(next: StaffSession): Promise<void> {
  start(next);
  // showConsole switches screens before its first await: focus the queue heading at once rather than
  // after the data arrives, which would pull focus away from someone already typing a note.
  const ready = showConsole();
  byId('queue-h').focus();
  await ready;
}

async function showConsole(): Promise<void> {
  const s = session() as StaffSession;
  const who = s.name === s.username ? s.username : `${s.name} (${s.username})`;
  byId('whoami').textContent = s.groups.length
    ? t('staff.whoami', { who, groups: s.groups.join(', ') })
    : t('staff.whoami.no_groups', { who });
  screen('console');
  const mine = servicesFor(allServices, s.groups);
  showReports(config, allServices, mine);
  const bills = actsOnBills(allServices, s.groups);
  const admin = s.groups.includes('admin');
  offerTabs(bills, admin);
  if (admin) void showApiKeys(allServices);
  const params = new URLSearchParams(location.search);
  showTab(bills && (params.has('bill') || (!params.has('id') && mine.length === 0)) ? 'bills' : 'reports');
  if (!bills) closeBills();
  await Promise.all([loadQueue(), openFromUrl(), bills ? showBills(allServices, s.groups) : Promise.resolve()]);
}

function bindConsole(): void {
  byId('signout').addEventListener('click', () => {
    signOut();
    closeReports();
    closeBills();
    showSignIn(t('staff.signed_out'));
  });
  window.addEventListener('popstate', () => {
    void openFromUrl();
    void openBillFromUrl();
  });
  bindTabs();
  bindApiKeys();
  bindReports();
  bindBills();
}

async function boot(): Promise<void> {
  void brand();
  try {
    config = await loadConfig();
    allServices = (await apiFetch<{ items: ServiceView[] }>('/services')).body.items;
  } catch {
    show(byId('boot'), statusLine('error', t('staff.boot.error')));
    return;
  }
  byId('boot').remove();
  initSession(config.auth, (message) => showSignIn(message));
  bindSignIn(config.auth, entered);
  bindConsole();
  if (session()) await showConsole();
  else showSignIn();
}

void boot();
