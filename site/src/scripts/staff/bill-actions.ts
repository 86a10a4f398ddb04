import { ApiError } from '../api.js';
import { t } from '../i18n.js';
import { scheduleField } from './bill-forms.js';
import { billNotice, currentBill, openBill, schedulesVote, writeBill } from './bill-item.js';
import { bindRollCall, isoOf, recordVote } from './bill-vote.js';
import { bindWatchExtras } from './bill-watch-extras.js';
import { byId, fieldError, lockWhile } from './fields.js';
import { staffFetch } from './session.js';

/** What the bill's forms send: a move to another stage (with the vote date where it schedules one), a vote, the watchlist note. */
async function move(): Promise<void> {
  const to = byId<HTMLSelectElement>('bill-to').value;
  fieldError('bill-vote-date');
  const body: Record<string, unknown> = { to, note: byId<HTMLTextAreaElement>('bill-move-note').value.trim() || undefined };
  if (schedulesVote(to)) {
    const at = isoOf('bill-vote-date');
    if (!at) {
      fieldError('bill-vote-date', t('staff.bill.move.date_needed'));
      byId('bill-vote-date').focus();
      return;
    }
    body.scheduledVote = { at };
  }
  const label = byId<HTMLSelectElement>('bill-to').selectedOptions[0]?.textContent ?? to;
  const ok = await writeBill('/transitions', body, t('staff.saved.moved', { label }), (errors) =>
    errors.flatMap((e) => {
      if (!e.path.startsWith('scheduledVote')) return [`${e.path}: ${e.message}`];
      fieldError('bill-vote-date', e.message);
      return [];
    }),
  );
  if (ok) {
    byId<HTMLTextAreaElement>('bill-move-note').value = '';
    byId('bill-vote-date').value = '';
  }
}

/** Tracks the bill for the office with the note, or stops tracking it. */
async function watch(remove: boolean): Promise<void> {
  const bill = currentBill();
  if (!bill) return;
  fieldError('watch-note');
  const path = `/staff/watchlist/${encodeURIComponent(bill.id)}`;
  try {
    if (remove) await staffFetch(path, { method: 'DELETE' });
    else await staffFetch(path, { method: 'PUT', json: { note: byId<HTMLTextAreaElement>('watch-note').value } });
  } catch (err) {
    const e = err instanceof ApiError ? err : new ApiError(0, t('staff.watch.failed'));
    const note = e.errors.find((f) => f.path === 'note');
    if (note) fieldError('watch-note', t('staff.watch.note_error', { message: note.message }));
    billNotice('error', t('staff.save.not_saved', { detail: e.detail }));
    return;
  }
  if (remove) byId<HTMLTextAreaElement>('watch-note').value = '';
  billNotice('success', remove ? t('staff.watch.removed') : t('staff.watch.saved'));
  await openBill(bill.id);
}

/** A bill with no moves from its stage keeps "Move" disabled once the form is free again. */
function keepMoveDisabled(): void {
  const bill = currentBill();
  if (bill) byId<HTMLButtonElement>('bill-move-submit').disabled = bill.transitions.length === 0;
}

let bound = false;

/** Wires the bill's forms once; each form's buttons are disabled while it sends. */
export function bindBillActions(): void {
  if (bound) return;
  bound = true;
  byId<HTMLSelectElement>('bill-to').addEventListener('change', scheduleField);
  const onSubmit = (id: string, work: () => Promise<unknown>, after?: () => void) => {
    const form = byId<HTMLFormElement>(id);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void lockWhile(form, work, after);
    });
  };
  onSubmit('bill-transition-form', move, keepMoveDisabled);
  onSubmit('vote-form', recordVote);
  onSubmit('watch-form', () => watch(false));
  byId('watch-remove').addEventListener('click', () => void lockWhile(byId<HTMLFormElement>('watch-form'), () => watch(true)));
  bindRollCall();
  bindWatchExtras();
}
