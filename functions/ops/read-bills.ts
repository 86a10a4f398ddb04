import type { StaffActor } from '../../shared/actor.js';
import { requireTeam } from '../../shared/actor.js';
import type { Bill, RollCallEntry } from '../../shared/bills/model.js';
import { OFFICE_GROUP_PREFIX, officeOf } from '../../shared/bills/office.js';
import {
  type Committee,
  type CommitteeBill,
  type CommitteeHearing,
  type CommitteePage,
  committeeKey,
  type Member,
  type MemberBill,
  type MemberPage,
  type MemberVoteRecord,
  PEOPLE_CHUNK,
} from '../../shared/bills/people.js';
import type { ListBillsQuery } from '../../shared/bills/schemas.js';
import { billService } from '../../shared/bills/service.js';
import { PHASES, type Phase } from '../../shared/catalog/index.js';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import type { HistoryEvent } from '../../shared/items.js';
import { type BillListing, listBillsPage } from '../store/bill-lists.js';
import { getChunk, getProfile } from '../store/bill-people.js';
import { getBillWithRollCalls } from '../store/bills.js';
import type { Page } from '../store/lists.js';
import { findWatch, type NoteVersion, noteHistory, type WatchEntry } from '../store/watchlist.js';

export interface BillDetail {
  bill: Bill;
  /** The latest events (HISTORY_LIMIT at most), in time order. */
  history: HistoryEvent[];
  /** Older events exist than `history` holds. */
  historyTruncated: boolean;
  rollCalls: Map<string, RollCallEntry[]>;
}

/** A bill by id, reference or number (latest session), with its votes' roll calls and its history. */
export async function billDetail(idOrNumber: string): Promise<BillDetail> {
  return getBillWithRollCalls(idOrNumber);
}

/** The same for legislature staff, with their own office's note on it when they belong to an office. */
export async function staffBillDetail(
  actor: StaffActor,
  idOrNumber: string,
): Promise<BillDetail & { watch?: WatchEntry & { history: NoteVersion[] } }> {
  requireTeam(actor, billService());
  const detail = await getBillWithRollCalls(idOrNumber);
  const office = actor.groups.some((g) => g.startsWith(OFFICE_GROUP_PREFIX)) ? officeOf(actor) : undefined;
  const [watch, history] = office ? await Promise.all([findWatch(office, detail.bill.id), noteHistory(office, detail.bill.id)]) : [];
  return { ...detail, watch: watch && { ...watch, history: history ?? [] } };
}

/** Bills by phase, stage, session, sponsor or text; `upForVote=true` lists scheduled votes, soonest first. */
export async function listBills(query: ListBillsQuery): Promise<Page<Bill>> {
  if (query.voteFrom && query.upForVote !== 'true') {
    throw new ValidationError([{ path: 'query.voteFrom', message: 'only applies with upForVote=true' }]);
  }
  const listing: BillListing = {
    by: query.upForVote === 'true' ? 'agenda' : query.session ? 'session' : 'recent',
    phases: phasesFor(query),
    session: query.session,
    status: query.status,
    sponsor: query.sponsor,
    q: query.q,
    voteFrom: query.voteFrom ? new Date(query.voteFrom).toISOString() : undefined,
  };
  return listBillsPage(listing, query.limit, query.cursor);
}

/** The phases a stage filter leaves: a stage of another phase than the one asked for leaves none. */
function phasesFor(query: ListBillsQuery): readonly Phase[] {
  if (!query.status) return query.phase ? [query.phase] : PHASES;
  const states = billService().workflow.states;
  const state = states.find((s) => s.id === query.status);
  if (!state) {
    const ids = states.map((s) => s.id);
    throw new ValidationError([{ path: 'query.status', message: `"${query.status}" is not a bill stage; one of ${ids.join(', ')}.` }]);
  }
  if (query.phase && query.phase !== state.phase) return [];
  return [state.phase];
}

const MEMBER_ID = /^[\w-]{1,40}$/;

/** A legislator's page: profile with attendance, one chunk of sponsored bills and of the roll-call record. */
export async function memberDetail(id: string, page: number): Promise<MemberPage> {
  const member = MEMBER_ID.test(id) ? await getProfile<Member>('member', id) : undefined;
  if (!member) throw new NotFoundError(`There is no member "${id.slice(0, 40)}".`);
  const [bills, votes] = await Promise.all([
    getChunk<MemberBill>('member', id, 'BILLS', page),
    getChunk<MemberVoteRecord>('member', id, 'VOTES', page),
  ]);
  const pages = Math.max(member.votePages, Math.ceil(member.sponsored / PEOPLE_CHUNK));
  return { member, bills, votes, page, pages };
}

/** A committee's page by name (any case or punctuation): profile, one chunk of its bills and of its hearings. */
export async function committeeDetail(name: string, page: number): Promise<CommitteePage> {
  const key = committeeKey(name);
  const committee = key ? await getProfile<Committee>('committee', key) : undefined;
  if (!committee) throw new NotFoundError(`There is no committee "${name.slice(0, 80)}".`);
  const [bills, hearings] = await Promise.all([
    getChunk<CommitteeBill>('committee', key, 'BILLS', page),
    getChunk<CommitteeHearing>('committee', key, 'HEARINGS', page),
  ]);
  const pages = Math.max(committee.hearingPages, Math.ceil(committee.bills / PEOPLE_CHUNK));
  return { committee, bills, hearings, page, pages };
}
