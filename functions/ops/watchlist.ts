import { ulid } from 'ulid';
import type { StaffActor } from '../../shared/actor.js';
import type { Bill } from '../../shared/bills/model.js';
import { officeOf } from '../../shared/bills/office.js';
import type { WatchlistQuery } from '../../shared/bills/schemas.js';
import { watchlistCsv } from '../../shared/bills/watchlist-csv.js';
import { getBill, resolveBillId } from '../store/bills.js';
import {
  alertMembers,
  deleteWatch,
  findWatch,
  hasAlerts,
  listWatch,
  type NoteVersion,
  saveWatch,
  setAlerts,
  type WatchEntry,
} from '../store/watchlist.js';
import type { Deferred } from './input.js';

export type { NoteVersion, WatchEntry };

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
  // Every change of the note is kept as a version (who, when); the first tracking counts as one.
  await saveWatch(entry, { id: ulid(), note, at: now, by: { id: actor.id, name: actor.name } }, !existing || existing.note !== note);
  return entry;
}

/** Stops tracking a bill: it and the office's note leave the watchlist. */
export async function untrackBill(actor: StaffActor, idOrNumber: string): Promise<{ office: string; billId: string }> {
  const office = officeOf(actor);
  const billId = (await resolveBillId(idOrNumber)) ?? idOrNumber;
  await deleteWatch(office, billId);
  return { office, billId };
}

/**
 * The caller's office watchlist as JSON rows or, with `format=csv`, as CSV (one row per tracked bill, with
 * the note and who last changed it). The query is read after the office check: 403 before 400.
 */
export async function exportWatchlist(
  actor: StaffActor,
  query: Deferred<WatchlistQuery>,
): Promise<{ office: string; rows: { entry: WatchEntry; bill?: Bill }[]; csv?: string }> {
  officeOf(actor);
  const { format } = query();
  const { office, rows } = await officeWatchlist(actor);
  return { office, rows, csv: format === 'csv' ? watchlistCsv(rows) : undefined };
}

/** Whether the caller gets an email when a bill on their office's watchlist changes stage or gets a vote. */
export async function alertSetting(actor: StaffActor): Promise<{ office: string; enabled: boolean; members: number }> {
  const office = officeOf(actor);
  const [enabled, members] = await Promise.all([hasAlerts(office, actor.id), alertMembers(office)]);
  return { office, enabled, members: members.length };
}

/** Turns the caller's watchlist alerts on or off (each member opts in for themselves). */
export async function changeAlerts(actor: StaffActor, body: Deferred<{ enabled: boolean }>): Promise<{ office: string; enabled: boolean }> {
  const office = officeOf(actor);
  const { enabled } = body();
  await setAlerts(office, { id: actor.id, name: actor.name }, enabled);
  return { office, enabled };
}
