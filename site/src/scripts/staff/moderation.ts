import type { StaffItem } from '../../../../shared/api-types.js';
import { el, show, statusLine } from '../dom.js';
import { formatDate } from '../format.js';
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
    { value: 'title', label: 'Title' },
    { value: 'description', label: 'Description' },
    ...(item.address ? [{ value: 'address', label: 'Address' }] : []),
  ];
  for (const e of item.history ?? []) {
    if (e.type === 'comment' && e.visibility === 'public')
      options.push({ value: `comment:${e.id}`, label: `Public comment of ${formatDate(e.at)}` });
  }
  (item.photos ?? []).forEach((p, i) => {
    if (!p.hidden) options.push({ value: `photo:${p.id}`, label: `Photo ${i + 1} (hide it)` });
  });
  return options;
}

/** Fills the moderation form for the open report. */
export function syncModeration(item: StaffItem): void {
  byId('hide-toggle').textContent = item.hidden ? 'Show it to the public again' : 'Hide it from the public';
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
    void writeItem('', 'PATCH', { hidden }, hidden ? 'Hidden from the public.' : 'Shown to the public again.');
  });
  const form = byId<HTMLFormElement>('redact-form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    await lockWhile(form, async () => {
      const reason = byId<HTMLInputElement>('redact-reason').value.trim();
      if (!reason) return void notice('error', 'Say why it is redacted: the history keeps the reason.');
      const replacement = byId<HTMLInputElement>('redact-replacement').value.trim() || undefined;
      const field = byId<HTMLSelectElement>('redact-field').value;
      const ok = await writeItem('/redactions', 'POST', { field, reason, replacement }, 'Redacted: the public sees the replacement.');
      if (ok) for (const id of ['redact-reason', 'redact-replacement']) byId<HTMLInputElement>(id).value = '';
      return ok;
    });
  });
  byId('moderation-refresh').addEventListener('click', () => void loadModerationQueue());
}

/** The Moderation tab: flagged reports of the member's services, most flagged first, each resolvable. */
export async function loadModerationQueue(): Promise<void> {
  const list = byId('moderation-list');
  show(list, statusLine('loading', 'Loading flagged reports…'));
  try {
    const { body } = await staffFetch<{ items: OpenFlags[] }>('/staff/moderation');
    byId('tab-moderation').textContent = `Moderation (${body.items.length})`;
    if (!body.items.length) return show(list, statusLine('empty', 'No report is waiting for review.'));
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
  const keep = el('button', { type: 'button', class: 'secondary' }, `Keep ${f.reference} as it is`);
  keep.addEventListener('click', () => void resolve('keep')());
  const hide = el('button', { type: 'button' }, `Hide ${f.reference}`);
  hide.addEventListener('click', () => void resolve('hide')());
  const open = el('button', { type: 'button', class: 'secondary' }, `Open ${f.reference} to redact`);
  open.addEventListener('click', () => {
    byId('tab-reports').click();
    void openItem(f.itemId, { focus: true });
  });
  return el(
    'li',
    { 'data-item': f.itemId },
    el('strong', {}, `${f.reference}: ${f.count} flag${f.count === 1 ? '' : 's'}`),
    el('div', { class: 'muted' }, `First ${formatDate(f.firstAt)}, latest ${formatDate(f.lastAt)}`),
    el('ul', {}, ...f.reasons.map((r) => el('li', {}, `${r.comment ? 'About a comment: ' : ''}${r.reason}`))),
    el('p', { class: 'buttons' }, keep, ' ', hide, ' ', open),
  );
}
