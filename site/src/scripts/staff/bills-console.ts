import type { ServiceView } from '../../../../shared/api-types.js';
import { href } from '../i18n.js';
import { bindBillActions } from './bill-actions.js';
import { bindBillCreate } from './bill-create.js';
import { syncBillForms } from './bill-forms.js';
import { closeBill, currentBill, initBills, openBill } from './bill-item.js';
import { billStageOptions, loadBills } from './bill-list.js';
import { byId, markSelected, openLinksInPlace } from './fields.js';
import { showTab, tabsShown } from './tabs.js';

/** The Bills screen for legislature staff and admins: the list, the new-bill form and the open bill. */
let screenReady = false;

const billService = (services: ServiceView[]) => services.find((s) => s.kind === 'bill');

/** Whether these groups act on bills: admins, and the bill service's teams. */
export const actsOnBills = (services: ServiceView[], groups: string[]) =>
  groups.includes('admin') || !!billService(services)?.teams.some((t) => groups.includes(t));

const reloadList = () => loadBills(currentBill()?.id);

export async function showBills(services: ServiceView[], groups: string[]): Promise<void> {
  const service = billService(services);
  const states = service?.workflow.states ?? [];
  // An `office-…` group keeps a watchlist (shared/bills/office.ts; not imported: it would bring the catalog along).
  const office = groups.find((g) => g.startsWith('office-'));
  initBills({
    states,
    serviceCode: service?.code,
    sync: (bill, fresh) => syncBillForms(bill, fresh, office),
    changed: () => void reloadList(),
  });
  if (!screenReady) {
    screenReady = true;
    billStageOptions(states, service?.code);
    bindBillActions();
  }
  const id = new URLSearchParams(location.search).get('bill');
  await Promise.all([loadBills(id ?? undefined), id ? openBill(id) : Promise.resolve()]);
}

/** Opens the bill named by `?bill=` on the Bills screen, for someone who may see it. */
export async function openBillFromUrl(focus = false): Promise<void> {
  const id = new URLSearchParams(location.search).get('bill');
  if (!id || !tabsShown()) return;
  showTab('bills');
  await openBill(id, { focus });
  const bill = currentBill();
  if (bill) markSelected(byId('bill-list'), bill.id);
}

/** Forgets the list and the open bill (on sign-out). */
export function closeBills(): void {
  closeBill();
  byId('bill-list').replaceChildren();
}

export function bindBills(): void {
  byId('bill-filters').addEventListener('submit', (e) => {
    e.preventDefault();
    void reloadList();
  });
  for (const id of ['bf-stage', 'bf-vote']) byId(id).addEventListener('change', () => void reloadList());
  openLinksInPlace(byId('bill-list'), () => void openBillFromUrl(true));
  bindBillCreate(async (id) => {
    history.pushState(null, '', href(`/staff/?bill=${encodeURIComponent(id)}`));
    await Promise.all([openBillFromUrl(true), loadBills(id)]);
  });
}
