import { type Bill, numberKey, type RollCallEntry } from '../../../shared/bills/model.js';
import { itemPK } from './items.js';

/**
 * Keys of the bill-only records (see docs/data-model.md, "Bills"); the bill itself is an item.
 *
 *   BILLNO#<number> SESSION#<session>   a bill number's uniqueness record per session
 *   ITEM#<bill id>  VOTE#<at>#<vote id> a vote's roll call, beside the bill's events
 *   OFFICE#<office> WATCH#<bill id>     an office's watchlist entry with its private note
 */
export const VOTE_PREFIX = 'VOTE#';
export const WATCH_PREFIX = 'WATCH#';

export const billNumberPK = (number: string) => `BILLNO#${numberKey(number)}`;
export const billNumberKey = (number: string, session: string) => ({ PK: billNumberPK(number), SK: `SESSION#${session}` });
export const voteSK = (vote: { at: string; id: string }) => `${VOTE_PREFIX}${vote.at}#${vote.id}`;
export const officePK = (office: string) => `OFFICE#${office}`;
export const watchKey = (office: string, billId: string) => ({ PK: officePK(office), SK: `${WATCH_PREFIX}${billId}` });

export function billNumberRecord(bill: Pick<Bill, 'id' | 'number' | 'session'>): Record<string, unknown> {
  return {
    ...billNumberKey(bill.number, bill.session),
    entity: 'bill-number',
    itemId: bill.id,
    number: bill.number,
    session: bill.session,
  };
}

/** A vote's roll call, in the bill's partition so the bill page reads it with one Query. */
export function rollCallRecord(billId: string, vote: { id: string; at: string }, rollCall: RollCallEntry[]): Record<string, unknown> {
  return { PK: itemPK(billId), SK: voteSK(vote), entity: 'vote', itemId: billId, voteId: vote.id, rollCall };
}

export function watchRecord(entry: { office: string; billId: string }): Record<string, unknown> {
  return { ...watchKey(entry.office, entry.billId), entity: 'watch', ...entry };
}
