import { byId } from './fields.js';
import { loadModerationQueue } from './moderation.js';

/** The Reports / Moderation / Bills / API keys switch; Bills only for those who act on bills, API keys only for admins. */
export type ConsoleTab = 'reports' | 'bills' | 'moderation' | 'keys';

const HEADINGS: Record<ConsoleTab, string> = { reports: 'queue-h', bills: 'bills-h', moderation: 'moderation-h', keys: 'keys-h' };

/** Shows one screen; the tab buttons say which is showing. */
export function showTab(which: ConsoleTab, focus = false): void {
  for (const tab of Object.keys(HEADINGS) as ConsoleTab[]) {
    byId(`${tab}-screen`).hidden = which !== tab;
    byId(`tab-${tab}`).setAttribute('aria-pressed', String(which === tab));
  }
  if (which === 'moderation') void loadModerationQueue();
  if (focus) byId(HEADINGS[which]).focus();
}

/** Whether the Bills tab is offered (the signed-in member acts on bills). */
export const tabsShown = () => !byId('tab-bills').hidden;

export function offerTabs(bills: boolean, keys = false): void {
  byId('console-tabs').hidden = false;
  byId('tab-bills').hidden = !bills;
  byId('tab-keys').hidden = !keys;
}

export function bindTabs(): void {
  for (const tab of Object.keys(HEADINGS) as ConsoleTab[]) byId(`tab-${tab}`).addEventListener('click', () => showTab(tab, true));
}
