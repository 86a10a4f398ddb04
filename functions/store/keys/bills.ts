import { type Bill, numberKey, type RollCallEntry } from '../../../shared/bills/model.js';
import { itemPK } from './items.js';

export type PeopleKind = 'member' | 'committee';
export type PeopleList = 'BILLS' | 'VOTES' | 'HEARINGS';

/**
 * Keys of the bill-only records (see docs/data-model.md, "Bills"); the bill itself is an item.
 *
 *   BILLNO#<number> SESSION#<session>   a bill number's uniqueness record per session
 *   ITEM#<bill id>  VOTE#<at>#<vote id> a vote's roll call, beside the bill's events
 *   OFFICE#<office> WATCH#<bill id>     an office's watchlist entry with its private note
 *   OFFICE#<office> NOTE#<bill id>#<at>#<id>  one version of the office's note (who, when): its history
 *   OFFICE#<office> ALERT#<user id>     a member who asked for emails when a watched bill moves or is voted on
 *   WATCHERS#<bill id> OFFICE#<office>  which offices watch a bill (for the notifier; no note, not the bill's partition)
 *   MEMBER#<id>     PROFILE             a legislator: name, party, district, attendance, counts, hash
 *   MEMBER#<id>     BILLS#<nnnn>        a chunk of the bills they sponsor (number order)
 *   MEMBER#<id>     VOTES#<nnnn>        a chunk of their roll-call record (oldest first)
 *   COMMITTEE#<key> PROFILE             a committee: name, chamber, counts, hash
 *   COMMITTEE#<key> BILLS#<nnnn>        a chunk of the bills referred to it
 *   COMMITTEE#<key> HEARINGS#<nnnn>     a chunk of its hearings (oldest first)
 * A chunk holds PEOPLE_CHUNK entries, so a member's or committee's page is a GetItem or two at any size.
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

export const peoplePK = (kind: PeopleKind, id: string) => `${kind === 'member' ? 'MEMBER' : 'COMMITTEE'}#${id}`;
export const profileKey = (kind: PeopleKind, id: string) => ({ PK: peoplePK(kind, id), SK: 'PROFILE' });
export const chunkKey = (kind: PeopleKind, id: string, list: PeopleList, page: number) => ({
  PK: peoplePK(kind, id),
  SK: `${list}#${String(page).padStart(4, '0')}`,
});

export const NOTE_PREFIX = 'NOTE#';
export const ALERT_PREFIX = 'ALERT#';
export const noteKey = (office: string, billId: string, at: string, id: string) => ({
  PK: officePK(office),
  SK: `${NOTE_PREFIX}${billId}#${at}#${id}`,
});
export const alertKey = (office: string, userId: string) => ({ PK: officePK(office), SK: `${ALERT_PREFIX}${userId}` });
export const watchersPK = (billId: string) => `WATCHERS#${billId}`;
export const watcherKey = (billId: string, office: string) => ({ PK: watchersPK(billId), SK: `OFFICE#${office}` });
