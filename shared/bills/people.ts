import type { Chamber, MemberVote } from './model.js';

/**
 * Legislators and committees as the bill pages show them (`/bills/member/?id=`, `/bills/committee/?name=`).
 * Built from a LegiScan export by `legiscan-people.ts`; stored as a profile plus chunks of at most
 * PEOPLE_CHUNK entries (see functions/store/keys/bills.ts), so a page is one or two reads at any size.
 */
export const PEOPLE_CHUNK = 200;

export interface Attendance {
  yes: number;
  no: number;
  abstain: number;
  absent: number;
  /** Roll calls the member is listed in. */
  total: number;
}

export interface Member {
  /** LegiScan's people_id. */
  id: string;
  name: string;
  party?: string;
  /** "Rep", "Sen". */
  role?: string;
  district?: string;
  chamber?: Chamber;
  attendance: Attendance;
  sponsored: number;
  /** How many chunks of the roll-call record there are (`page` 0 … votePages - 1). */
  votePages: number;
}

export interface MemberBill {
  billId: string;
  number: string;
  title: string;
  session: string;
  role: 'primary' | 'cosponsor';
}

export interface MemberVoteRecord {
  at: string;
  billId: string;
  number: string;
  /** LegiScan roll_call_id. */
  rollCallId: string;
  chamber?: Chamber;
  motion: string;
  vote: MemberVote;
}

export interface Committee {
  /** committeeKey(name): the name as a key. */
  key: string;
  name: string;
  chamber?: Chamber;
  bills: number;
  hearings: number;
  hearingPages: number;
}

export interface CommitteeBill {
  billId: string;
  number: string;
  title: string;
  session: string;
  /** When the history refers the bill to the committee, if it says. */
  referredAt?: string;
  /** The committee is the one LegiScan names as the bill's current (pending) committee. */
  pending: boolean;
}

/** A dated committee action on a referred bill: a hearing, a report, a vote in committee. */
export interface CommitteeHearing {
  at: string;
  billId: string;
  number: string;
  action: string;
}

/**
 * A committee name as a key: case, accents, "&" and punctuation do not matter.
 * @example committeeKey('House Labor & Commerce') // 'house-labor-and-commerce'
 */
export function committeeKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
}

/** Splits a list into chunks of `size` (the last may be shorter; an empty list is no chunks). */
export function chunks<T>(list: T[], size = PEOPLE_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** `GET /api/bills/members/{id}?page=`: the profile, and chunk `page` of the sponsored bills and of the roll-call record. */
export interface MemberPage {
  member: Member;
  bills: MemberBill[];
  votes: MemberVoteRecord[];
  page: number;
  pages: number;
}

/** `GET /api/bills/committees/{name}?page=`: the profile, and chunk `page` of its bills and of its hearings. */
export interface CommitteePage {
  committee: Committee;
  bills: CommitteeBill[];
  hearings: CommitteeHearing[];
  page: number;
  pages: number;
}
