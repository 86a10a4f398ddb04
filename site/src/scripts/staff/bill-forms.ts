import type { StaffBill } from '../../../../shared/api-types.js';
import { t } from '../i18n.js';
import { schedulesVote } from './bill-item.js';
import { syncWatchExtras } from './bill-watch-extras.js';
import { byId, fieldError, options } from './fields.js';
import { moveName, stateName } from './words.js';

/** Every field of the bill's forms that can show an error of its own. */
const ERROR_FIELDS = [
  'bill-vote-date',
  'vote-at',
  'vote-motion',
  'vote-yes',
  'vote-no',
  'vote-abstain',
  'vote-absent',
  'vote-chamber',
  'vote-result',
  'watch-note',
];

/**
 * Fills the forms for the open bill; `fresh` (another bill) starts them over. `office` is the
 * signed-in member's office group, whose watchlist the watch form edits.
 */
export function syncBillForms(bill: StaffBill, fresh: boolean, office: string | undefined): void {
  if (fresh) startOver(bill);
  const moves = bill.transitions.map((m) => ({
    value: m.to,
    label: t('staff.move.option', {
      move: moveName(bill.serviceCode, bill.status, m.to, m.label),
      state: stateName(bill.serviceCode, m.to, m.toLabel),
    }),
  }));
  options(byId<HTMLSelectElement>('bill-to'), moves.length ? moves : [{ value: '', label: t('staff.move.none') }]);
  byId<HTMLButtonElement>('bill-move-submit').disabled = moves.length === 0;
  scheduleField();
  watchForm(bill, office);
  syncWatchExtras(bill, office);
}

function startOver(bill: StaffBill): void {
  for (const f of document.querySelectorAll<HTMLFormElement>('#bill-actions form')) f.reset();
  byId('roll-call-rows').replaceChildren();
  for (const id of ERROR_FIELDS) fieldError(id);
  // The staff view names the chamber of origin only: votes default to it.
  byId<HTMLSelectElement>('vote-chamber').value = bill.currentChamber;
  byId<HTMLTextAreaElement>('watch-note').value = bill.watch?.note ?? '';
}

/** The vote date is asked for only when the chosen stage schedules a vote. */
export function scheduleField(): void {
  byId('bill-schedule-field').hidden = !schedulesVote(byId<HTMLSelectElement>('bill-to').value);
}

function watchForm(bill: StaffBill, office: string | undefined): void {
  const watching = !!bill.watch;
  byId('watch-status').textContent = !office
    ? t('staff.watch.no_office')
    : watching
      ? t('staff.watch.tracked', { office })
      : t('staff.watch.untracked', { office });
  byId<HTMLButtonElement>('watch-submit').textContent = watching ? t('staff.watch.save') : t('staff.watch.track');
  byId('watch-remove').hidden = !watching;
  byId<HTMLFormElement>('watch-form').querySelector('fieldset')?.toggleAttribute('disabled', !office);
}
