import type { Bill } from '../../shared/bills/model.js';
import { currentChamber } from '../../shared/bills/public.js';
import type { HistoryEvent } from '../../shared/items.js';
import type { NoteVersion, WatchEntry } from '../ops/watchlist.js';
import { toStaffItem } from '../staff/view.js';

/** The staff view of a bill: every field, the chamber it is before, allowed moves, and the caller's own office note if it tracks the bill. */
export function toStaffBill(bill: Bill, extra: { history?: HistoryEvent[]; watch?: WatchEntry & { history?: NoteVersion[] } } = {}) {
  const { queuePosition: _q, ...view } = toStaffItem(bill, { history: extra.history });
  return {
    ...view,
    currentChamber: currentChamber(bill),
    watch: extra.watch && {
      office: extra.watch.office,
      note: extra.watch.note,
      updatedAt: extra.watch.updatedAt,
      history: extra.watch.history,
    },
  };
}
