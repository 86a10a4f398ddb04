import type { StaffActor } from '../../shared/actor.js';
import type { Bill } from '../../shared/bills/model.js';
import { officeOf } from '../../shared/bills/office.js';
import { getBill, resolveBillId } from '../store/bills.js';
import { deleteWatch, findWatch, listWatch, saveWatch, type WatchEntry } from '../store/watchlist.js';
import type { Deferred } from './input.js';

export type { WatchEntry };

/** The caller's office watchlist: each tracked bill as it is now, with the office's private note. */
export async function officeWatchlist(actor: StaffActor): Promise<{ office: string; rows: { entry: WatchEntry; bill?: Bill }[] }> {
  const office = officeOf(actor);
  return { office, rows: await listWatch(office) };
}

/** Tracks a bill on the caller's office watchlist, or updates the office's private note on it. */
export async function trackBill(actor: StaffActor, idOrNumber: string, body: Deferred<{ note: string }>): Promise<WatchEntry> {
  const office = officeOf(actor);
  const { note } = body();
  const bill = await getBill(idOrNumber);
  const now = new Date().toISOString();
  const existing = await findWatch(office, bill.id);
  const entry: WatchEntry = { office, billId: bill.id, note, addedAt: existing?.addedAt ?? now, updatedAt: now, updatedBy: actor.id };
  await saveWatch(entry);
  return entry;
}

/** Stops tracking a bill: it and the office's note leave the watchlist. */
export async function untrackBill(actor: StaffActor, idOrNumber: string): Promise<{ office: string; billId: string }> {
  const office = officeOf(actor);
  const billId = (await resolveBillId(idOrNumber)) ?? idOrNumber;
  await deleteWatch(office, billId);
  return { office, billId };
}
