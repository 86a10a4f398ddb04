import { byId } from './fields.js';

/** The Reports / Bills switch, shown only to those who act on bills. */
export type ConsoleTab = 'reports' | 'bills';

/** Shows the reports or the bills screen; the tab buttons say which is showing. */
export function showTab(which: ConsoleTab, focus = false): void {
  byId('reports-screen').hidden = which !== 'reports';
  byId('bills-screen').hidden = which !== 'bills';
  byId('tab-reports').setAttribute('aria-pressed', String(which === 'reports'));
  byId('tab-bills').setAttribute('aria-pressed', String(which === 'bills'));
  if (focus) byId(which === 'reports' ? 'queue-h' : 'bills-h').focus();
}

/** Whether the switch is offered (the signed-in member acts on bills). */
export const tabsShown = () => !byId('console-tabs').hidden;

export function offerTabs(on: boolean): void {
  byId('console-tabs').hidden = !on;
}

export function bindTabs(): void {
  byId('tab-reports').addEventListener('click', () => showTab('reports', true));
  byId('tab-bills').addEventListener('click', () => showTab('bills', true));
}
