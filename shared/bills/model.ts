import type { Item } from '../items.js';

/**
 * The legislature's chambers. Bills name their chamber of origin; the other one is the second chamber.
 * A two-chamber legislature is assumed (the catalog's bill workflow has an origin and a second chamber).
 */
export const CHAMBERS = ['House', 'Senate'] as const;
export type Chamber = (typeof CHAMBERS)[number];

export const VOTE_RESULTS = ['pass', 'fail'] as const;
export type VoteResult = (typeof VOTE_RESULTS)[number];

export const MEMBER_VOTES = ['yes', 'no', 'abstain', 'absent'] as const;
export type MemberVote = (typeof MEMBER_VOTES)[number];

/** What a vote decides: passage moves the bill, a veto override can enact it, anything else only records. */
export const VOTE_TYPES = ['passage', 'veto_override', 'other'] as const;
export type VoteType = (typeof VOTE_TYPES)[number];

export interface Sponsor {
  name: string;
  role: 'primary' | 'cosponsor';
  party?: string;
  district?: string;
  /** The member's id on the member page (`/bills/member/?id=`): LegiScan's people_id, for imported bills. */
  memberId?: string;
}

export interface BillDocument {
  label: string;
  url: string;
}

/** A vote as kept on the bill: the counts and outcome. The roll call, if any, is its own record. */
export interface Vote {
  id: string;
  at: string;
  chamber: Chamber;
  motion: string;
  type: VoteType;
  yes: number;
  no: number;
  abstain: number;
  absent: number;
  result: VoteResult;
}

export interface RollCallEntry {
  member: string;
  vote: MemberVote;
}

export interface ScheduledVote {
  at: string;
  chamber: Chamber;
}

/** Where an imported bill came from, so a re-import can tell an unchanged bill from a changed one. */
export interface BillSource {
  system: 'legiscan';
  billId: string;
  hash: string;
}

/** A bill: an item of kind "bill" with the legislative fields. `description` holds the summary too. */
export interface Bill extends Item {
  kind: 'bill';
  number: string;
  session: string;
  summary: string;
  sponsors: Sponsor[];
  chamber: Chamber;
  committee?: string;
  documents?: BillDocument[];
  scheduledVote?: ScheduledVote;
  votes: Vote[];
  source?: BillSource;
}

export function isBill(item: Item): item is Bill {
  return item.kind === 'bill';
}

/**
 * A bill number as stored and shown: upper case, single spaces. The key form drops spaces, so
 * "HB 12", "hb12" and "HB12" are one number.
 * @example numberKey(' hb 12 ') // 'HB12'
 */
export function normalizeNumber(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').toUpperCase();
}
export function numberKey(raw: string): string {
  return normalizeNumber(raw).replace(/ /g, '');
}

/**
 * A key that sorts bill numbers naturally: prefix, then the number padded ("HB2" before "HB10").
 * @example numberSortKey('HB 2') < numberSortKey('HB10') // true
 */
export function numberSortKey(raw: string): string {
  return numberKey(raw).replace(/\d+/g, (d) => d.padStart(6, '0'));
}

/** Whether a chamber is the bill's chamber of origin or its second chamber. */
export function sideOf(bill: Pick<Bill, 'chamber'>, chamber: Chamber): 'origin' | 'second' {
  return chamber === bill.chamber ? 'origin' : 'second';
}
