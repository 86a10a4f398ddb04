import type { BillState, StaffBill } from '../../../../shared/api-types.js';
import { ApiError } from '../api.js';
import { el, show, statusLine } from '../dom.js';
import { t } from '../i18n.js';
import { refusal, showNotice } from '../notice.js';
import { billDetails } from './bill-view.js';
import { byId } from './fields.js';
import { historyList } from './history.js';
import { staffFetch } from './session.js';
import { stateName } from './words.js';

/**
 * The open bill: fetches it with its full history, renders it, and sends every change with
 * `If-Match: "<version>"`. The forms that act on it live in the page, not in the re-rendered view, so
 * a refresh (after a save, or a stale-version refusal) keeps whatever was typed; `sync` starts them
 * over only when another bill is opened.
 */
export interface BillHooks {
  /** Fills the action forms for this bill; `fresh` is true when a different bill was opened. */
  sync(bill: StaffBill, fresh: boolean): void;
  /** Something changed on the server: the bill list should reload. */
  changed(): void;
}

let current: StaffBill | undefined;
let states: BillState[] = [];
let serviceCode: string | undefined;
let hooks: BillHooks = { sync: () => undefined, changed: () => undefined };

export const currentBill = () => current;

export function initBills(opts: { states: BillState[]; serviceCode?: string } & BillHooks): void {
  states = opts.states;
  serviceCode = opts.serviceCode;
  hooks = { sync: opts.sync, changed: opts.changed };
}

/** A stage is where a vote is scheduled when the catalog says it is entered by scheduling. */
export const schedulesVote = (stage: string) => !!states.find((s) => s.id === stage)?.classification?.includes('scheduling');

export function billNotice(kind: 'error' | 'success' | 'none', text = '', details: string[] = []): void {
  showNotice(byId('bill-notice'), 'bill', kind, text, details);
}

function render(bill: StaffBill, fresh: boolean): void {
  current = bill;
  show(byId('bill-view'), ...billDetails(bill));
  const labels = Object.fromEntries(states.map((s) => [s.id, serviceCode ? stateName(serviceCode, s.id, s.label) : s.label]));
  show(byId('bill-history'), el('h3', {}, t('staff.history.heading')), historyList(bill, labels, t('staff.history.filed')));
  byId('bill-actions').hidden = false;
  hooks.sync(bill, fresh);
}

const refused = () => ({
  forbidden: t('staff.bill.forbidden'),
  missing: t('staff.bill.missing'),
  failed: t('staff.bill.failed'),
});

/** Opens a bill by id, reference or number; 403/404 become a clear message in its place. */
export async function openBill(id: string, opts: { focus?: boolean } = {}): Promise<void> {
  const fresh = current?.id !== id && current?.reference !== id;
  if (fresh) {
    billNotice('none');
    byId('bill-actions').hidden = true;
    show(byId('bill-history'));
    show(byId('bill-view'), statusLine('loading', t('staff.bill.loading')));
  }
  try {
    const { body } = await staffFetch<StaffBill>(`/staff/bills/${encodeURIComponent(id)}`, { cache: 'no-store' });
    render(body, fresh || current?.id !== body.id);
    if (opts.focus) byId('bill-h').focus();
  } catch (err) {
    current = undefined;
    byId('bill-actions').hidden = true;
    show(byId('bill-history'));
    show(byId('bill-view'), refusal(err, 'bill', refused()));
  }
}

/** Forgets the open bill (on sign-out, or for someone who may not see bills). */
export function closeBill(): void {
  current = undefined;
  billNotice('none');
  byId('bill-actions').hidden = true;
  show(byId('bill-history'));
  show(byId('bill-view'), el('p', { class: 'muted' }, t('staff.bill.choose')));
}

/** Sends one change of the open bill with If-Match; field errors go to `onFields`, which returns the rest. True when saved. */
export async function writeBill(
  path: string,
  json: unknown,
  saved: string,
  onFields: (errors: { path: string; message: string }[]) => string[],
): Promise<boolean> {
  const bill = current;
  if (!bill) return false;
  try {
    await staffFetch(`/staff/bills/${encodeURIComponent(bill.id)}${path}`, {
      method: 'POST',
      json,
      headers: { 'if-match': `"${bill.version}"` },
    });
  } catch (err) {
    const e = err instanceof ApiError ? err : new ApiError(0, t('staff.save.failed'));
    if (e.status === 412 || e.status === 409) {
      const text = e.status === 412 ? t('staff.bill.stale') : t('staff.bill.conflict', { detail: e.detail });
      billNotice('error', text);
      await openBill(bill.id);
      hooks.changed();
    } else billNotice('error', t('staff.save.not_saved', { detail: e.detail }), onFields(e.errors));
    return false;
  }
  billNotice('success', saved);
  await openBill(bill.id);
  hooks.changed();
  return true;
}
