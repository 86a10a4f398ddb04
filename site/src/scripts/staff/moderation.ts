import type { StaffItem } from '../../../../shared/api-types.js';
import { el, show, statusLine } from '../dom.js';
import { i18n, t } from '../i18n.js';
import { byId, lockWhile } from './fields.js';
import { currentItem, notice, openItem, writeItem } from './item.js';
import { staffFetch } from './session.js';

/**
 * Moderation in the staff console (docs/moderation.md): the open report's hidden state, photos and
 * redactions (staff always see the original), the hide and redact controls, and the Moderation tab's
 * queue of flagged reports.
 */

interface OpenFlags {
  itemId: string;
  reference: string;
  serviceCode: string;
  count: number;
  firstAt: string;
  lastAt: string;
  reasons: { at: string; reason: string; comment?: string }[];
}

/** The redactable parts of the open report, for the "Redact" select. */
function redactable(item: StaffItem): { value: string; label: string }[] {
  const options = [
    { value: 'title', label: t('staff.redact.field.title') },
    { value: 'description', label: t('staff.redact.field.description') },
    ...(item.address ? [{ value: 'address', label: t('staff.redact.field.address') }] : []),
  ];
  for (const e of item.history ?? []) {
    if (e.type === 'comment' && e.visibility === 'public')
      options.push({ value: `comment:${e.id}`, label: t('staff.redact.field.comment', { date: i18n.date(e.at) }) });
  }
  (item.photos ?? []).forEach((p, i) => {
    if (!p.hidden) options.push({ value: `photo:${p.id}`, label: t('staff.redact.field.photo', { n: i + 1 }) });
  });
  return options;
}

/** Fills the moderation form for the open report. */
export function syncModeration(item: StaffItem): void {
  byId('hide-toggle').textContent = item.hidden ? t('staff.moderate.unhide') : t('staff.moderate.hide');
  const field = byId<HTMLSelectElement>('redact-field');
  const before = field.value;
  field.replaceChildren(...redactable(item).map((o) => el('option', { value: o.value }, o.label)));
  if ([...field.options].some((o) => o.value === before)) field.value = before;
}

export function bindModeration(): void {
  byId('hide-toggle').addEventListener('click', () => {
    const item = currentItem();
    if (!item) return;
    const hidden = !item.hidden;
    void writeItem('', 'PATCH', { hidden }, hidden ? t('staff.saved.hidden') : t('staff.saved.unhidden'));
  });
  const form = byId<HTMLFormElement>('redact-form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    await lockWhile(form, async () => {
      const reason = byId<HTMLInputElement>('redact-reason').value.trim();
      if (!reason) return void notice('error', t('staff.redact.reason_needed'));
      const replacement = byId<HTMLInputElement>('redact-replacement').value.trim() || undefined;
      const field = byId<HTMLSelectElement>('redact-field').value;
      const ok = await writeItem('/redactions', 'POST', { field, reason, replacement }, t('staff.saved.redacted'));
      if (ok) for (const id of ['redact-reason', 'redact-replacement']) byId<HTMLInputElement>(id).value = '';
      return ok;
    });
  });
  byId('moderation-refresh').addEventListener('click', () => void loadModerationQueue());
}

/** The Moderation tab: flagged reports of the member's services, most flagged first, each resolvable. */
export async function loadModerationQueue(): Promise<void> {
  const list = byId('moderation-list');
  show(list, statusLine('loading', t('staff.moderation.loading')));
  try {
    const { body } = await staffFetch<{ items: OpenFlags[] }>('/staff/moderation');
    byId('tab-moderation').textContent = t('staff.tabs.moderation_count', { n: body.items.length });
    if (!body.items.length) return show(list, statusLine('empty', t('staff.moderation.empty')));
    show(list, el('ul', { class: 'items' }, ...body.items.map(flagRow)));
  } catch (err) {
    show(list, statusLine('error', (err as Error).message));
  }
}

function flagRow(f: OpenFlags): HTMLElement {
  const resolve = (action: 'keep' | 'hide') => async () => {
    try {
      await staffFetch(`/staff/reports/${encodeURIComponent(f.itemId)}/flag-resolutions`, { method: 'POST', json: { action } });
      await loadModerationQueue();
      byId('moderation-h').focus();
    } catch (err) {
      show(byId('moderation-status'), statusLine('error', (err as Error).message));
    }
  };
  const keep = el('button', { type: 'button', class: 'secondary' }, t('staff.moderation.keep', { reference: f.reference }));
  keep.addEventListener('click', () => void resolve('keep')());
  const hide = el('button', { type: 'button' }, t('staff.moderation.hide', { reference: f.reference }));
  hide.addEventListener('click', () => void resolve('hide')());
  const open = el('button', { type: 'button', class: 'secondary' }, t('staff.moderation.open', { reference: f.reference }));
  open.addEventListener('click', () => {
    byId('tab-reports').click();
    void openItem(f.itemId, { focus: true });
  });
  return el(
    'li',
    { 'data-item': f.itemId },
    el('strong', {}, t('staff.moderation.count', { reference: f.reference, n: f.count })),
    el('div', { class: 'muted' }, t('staff.moderation.dates', { first: i18n.date(f.firstAt), last: i18n.date(f.lastAt) })),
    // A reason is what the person who flagged it wrote (the site's list, or any text through the API).
    el(
      'ul',
      {},
      ...f.reasons.map((r) =>
        el('li', {}, r.comment ? `${t('staff.moderation.about_comment')} ` : '', el('span', { translate: 'no' }, r.reason)),
      ),
    ),
    el('p', { class: 'buttons' }, keep, ' ', hide, ' ', open),
  );
}
