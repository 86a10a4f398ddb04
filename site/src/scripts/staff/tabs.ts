import { byId } from './fields.js';

/** The Reports / Bills / API keys switch, shown only to those who act on bills or manage keys. */
export type ConsoleTab = 'reports' | 'bills' | 'keys';

const HEADINGS: Record<ConsoleTab, string> = { reports: 'queue-h', bills: 'bills-h', keys: 'keys-h' };

/** Shows the reports or the bills screen; the tab buttons say which is showing. */
export function showTab(which: ConsoleTab, focus = false): void {
  byId('reports-screen').hidden = which !== 'reports';
  byId('bills-screen').hidden = which !== 'bills';
  byId('keys-screen').hidden = which !== 'keys';
  for (const tab of ['reports', 'bills', 'keys'] as const) byId(`tab-${tab}`).setAttribute('aria-pressed', String(which === tab));
  if (focus) byId(HEADINGS[which]).focus();
}

/** Whether the switch is offered (the signed-in member acts on bills). */
export const tabsShown = () => !byId('console-tabs').hidden;

export function offerTabs(bills: boolean, keys = false): void {
  byId('console-tabs').hidden = !bills && !keys;
  byId('tab-bills').hidden = !bills;
  byId('tab-keys').hidden = !keys;
}

export function bindTabs(): void {
  byId('tab-reports').addEventListener('click', () => showTab('reports', true));
  byId('tab-bills').addEventListener('click', () => showTab('bills', true));
  byId('tab-keys').addEventListener('click', () => showTab('keys', true));
}
