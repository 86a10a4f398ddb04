import { type Bill, numberKey, numberSortKey, type Vote } from '../../shared/bills/model.js';

/** Key layout of bill-only records and index attributes (see docs/data-model.md, "Bills"). */
export const VOTE_PREFIX = 'VOTE#';
export const WATCH_PREFIX = 'WATCH#';

/** The uniqueness record of a bill number in a session; its partition lists the number's sessions. */
export const billNumberKey = (number: string, session: string) => ({ PK: `BILLNO#${numberKey(number)}`, SK: `SESSION#${session}` });
export const billNumberPK = (number: string) => `BILLNO#${numberKey(number)}`;
export const voteSK = (vote: Pick<Vote, 'at' | 'id'>) => `${VOTE_PREFIX}${vote.at}#${vote.id}`;
export const officePK = (office: string) => `OFFICE#${office}`;
export const watchSK = (billId: string) => `${WATCH_PREFIX}${billId}`;

/** Attributes only the store reads: stripped from items on the way out. */
export const BILL_STORAGE_ONLY = ['sessionPK', 'sessionSK', 'agendaPK', 'agendaSK', 'searchText', 'sponsorText'];

/**
 * Index attributes of a bill record: `session` (a session's bills in number order), `agenda` (bills
 * with a scheduled vote, soonest first; sparse) and lower-case text for the `q` and `sponsor` filters.
 * Bills have no public work queue, so they carry no queue keys.
 */
export function billIndexAttributes(bill: Bill): Record<string, unknown> {
  const attrs: Record<string, unknown> = {
    sessionPK: `bill#${bill.session}`,
    sessionSK: `${numberSortKey(bill.number)}#${bill.id}`,
    searchText: `${bill.number} ${numberKey(bill.number)} ${bill.title}`.toLowerCase(),
    sponsorText: `|${(bill.sponsors ?? []).map((s) => s.name.toLowerCase()).join('|')}|`,
  };
  if (bill.scheduledVote) {
    attrs.agendaPK = 'bill';
    attrs.agendaSK = `${bill.scheduledVote.at}#${bill.id}`;
  }
  return attrs;
}
