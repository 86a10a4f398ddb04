import type { ServiceView, StaffItem } from '../../../../shared/api-types.js';
import { ApiError } from '../api.js';
import type { SiteConfig } from '../config.js';
import { el, show, statusLine } from '../dom.js';
import { t } from '../i18n.js';
import { refusal, showNotice } from '../notice.js';
import { historyList } from './history.js';
import { itemDetails, showMap } from './item-view.js';
import { staffFetch } from './session.js';
import { stateName } from './words.js';

/**
 * The open item: fetches it with its full history, renders it, and sends every edit with
 * `If-Match: "<version>"`. When someone else changed it first (412, or 409 because its state moved),
 * the fresh item is shown with a clear message while the forms keep whatever the user typed.
 */
export interface ItemHooks {
  /** Fills the action forms for this item; `fresh` is true when a different item was opened. */
  sync(item: StaffItem, fresh: boolean): void;
  /** Something changed on the server: the work queue should reload. */
  changed(): void;
  pickPin(p: { lat: number; lng: number }): void;
}

let current: StaffItem | undefined;
let ctx: { config: SiteConfig; services: ServiceView[]; hooks: ItemHooks };

export const currentItem = () => current;

export function initItem(config: SiteConfig, services: ServiceView[], hooks: ItemHooks): void {
  ctx = { config, services, hooks };
}

const view = () => document.getElementById('item-view') as HTMLElement;
const actions = () => document.getElementById('item-actions') as HTMLElement;
const historyBox = () => document.getElementById('item-history') as HTMLElement;

/** The item notice: role=alert, so a stale-version message is announced as it appears. */
export function notice(kind: 'error' | 'success' | 'none', text = '', details: string[] = []): void {
  showNotice(document.getElementById('item-notice') as HTMLElement, 'item', kind, text, details);
}

function labelsFor(item: StaffItem): Record<string, string> {
  const service = ctx.services.find((s) => s.code === item.serviceCode);
  return Object.fromEntries((service?.workflow.states ?? []).map((s) => [s.id, stateName(item.serviceCode, s.id, s.label)]));
}

function render(item: StaffItem, fresh: boolean): void {
  current = item;
  show(view(), ...itemDetails(item));
  show(historyBox(), el('h3', {}, t('staff.history.heading')), historyList(item, labelsFor(item)));
  actions().hidden = false;
  ctx.hooks.sync(item, fresh);
  void showMap(item, ctx.config, ctx.hooks.pickPin);
}

const refused = () => ({
  forbidden: t('staff.item.forbidden'),
  missing: t('staff.item.missing'),
  failed: t('staff.item.failed'),
});

/** Opens an item by id or reference; 403/404 become a clear message in place of the item. */
export async function openItem(id: string, opts: { focus?: boolean } = {}): Promise<void> {
  const fresh = current?.id !== id && current?.reference !== id;
  if (fresh) {
    notice('none');
    actions().hidden = true;
    show(historyBox());
    show(view(), statusLine('loading', t('staff.item.loading')));
  }
  try {
    const { body } = await staffFetch<StaffItem>(`/staff/reports/${encodeURIComponent(id)}`);
    render(body, fresh);
    if (opts.focus) document.getElementById('item-h')?.focus();
  } catch (err) {
    current = undefined;
    actions().hidden = true;
    show(historyBox());
    show(view(), refusal(err, 'item', refused()));
  }
}

/** Forgets the open item (on sign-out): nothing of it stays on screen. */
export function closeItem(): void {
  current = undefined;
  notice('none');
  actions().hidden = true;
  show(historyBox());
  show(view(), el('p', { class: 'muted' }, t('staff.item.choose')));
}

/** Sends one edit of the open item; true when it was saved. */
export async function writeItem(path: string, method: 'PATCH' | 'POST', json: unknown, saved: string): Promise<boolean> {
  const item = current;
  if (!item) return false;
  try {
    await staffFetch(`/staff/reports/${encodeURIComponent(item.id)}${path}`, {
      method,
      json,
      headers: { 'if-match': `"${item.version}"` },
    });
  } catch (err) {
    const e = err instanceof ApiError ? err : new ApiError(0, t('staff.save.failed'));
    if (e.status === 412 || e.status === 409) {
      notice('error', e.status === 412 ? t('staff.item.stale') : t('staff.item.conflict', { detail: e.detail }));
      await openItem(item.id);
      ctx.hooks.changed();
    } else {
      notice(
        'error',
        t('staff.save.not_saved', { detail: e.detail }),
        e.errors.map((f) => `${f.path}: ${f.message}`),
      );
    }
    return false;
  }
  notice('success', saved);
  await openItem(item.id);
  ctx.hooks.changed();
  return true;
}
