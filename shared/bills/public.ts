import { getService } from '../catalog/index.js';
import type { Translator } from '../i18n/translator.js';
import { type HistoryEvent, stripUndefined } from '../items.js';
import { safeHttpUrl } from '../links.js';
import { type PublicItem, publicText, toPublicItem } from '../public-view.js';
import { stateOf } from '../workflow.js';
import type { Bill, BillDocument, Chamber, RollCallEntry, ScheduledVote, Sponsor, Vote } from './model.js';
import { chamberAt } from './workflow.js';

export interface PublicVote extends Omit<Vote, 'id' | 'type'> {
  rollCall?: RollCallEntry[];
}

/** A bill as anyone may see it: SPEC §4's bill fields, built from an allow-list like every public item. */
export interface PublicBill extends PublicItem {
  number: string;
  session: string;
  summary: string;
  sponsors: Sponsor[];
  chamber: Bill['chamber'];
  currentChamber: Bill['chamber'];
  committee?: string;
  documents?: BillDocument[];
  version: number;
  votes: PublicVote[];
  scheduledVote?: ScheduledVote;
}

const publicVote = (v: Vote, rollCall?: RollCallEntry[]): PublicVote =>
  stripUndefined({
    at: v.at,
    chamber: v.chamber,
    motion: publicText(v.motion),
    yes: v.yes,
    no: v.no,
    abstain: v.abstain,
    absent: v.absent,
    result: v.result,
    rollCall,
  });

/** A bill's links as the public may follow them: only http(s) ones (a link stored before that was checked is left out). */
function publicDocuments(documents: BillDocument[]): BillDocument[] {
  return documents.flatMap((d) => (safeHttpUrl(d.url) ? [{ label: publicText(d.label), url: d.url.trim() }] : []));
}

/**
 * The chamber a bill is before now: its chamber of origin, or the other one once it passed there.
 * @example currentChamber({...houseBill, status: 'second_committee'}) // 'Senate'
 */
export function currentChamber(bill: Bill): Chamber {
  try {
    return chamberAt(bill, stateOf(getService(bill.serviceCode).workflow, bill.status));
  } catch {
    // A stage the catalog no longer has: show the chamber of origin.
    return bill.chamber;
  }
}

/**
 * Projects a stored bill to its public shape. Office watchlist notes live in other records and never
 * reach this function; staff identity is reduced to the team, as for reports.
 * @example toPublicBill(bill).votes[0].yes // 34
 */
export function toPublicBill(
  bill: Bill,
  extra: { history?: HistoryEvent[]; rollCalls?: Map<string, RollCallEntry[]>; tr?: Translator } = {},
): PublicBill {
  const { queuePosition: _q, location: _l, address: _a, ...base } = toPublicItem(bill, { history: extra.history, tr: extra.tr });
  return stripUndefined({
    ...base,
    number: bill.number,
    session: bill.session,
    summary: publicText(bill.summary),
    sponsors: bill.sponsors.map((s) =>
      stripUndefined({
        name: publicText(s.name),
        role: s.role,
        party: publicText(s.party),
        district: publicText(s.district),
        memberId: s.memberId,
      }),
    ),
    chamber: bill.chamber,
    currentChamber: currentChamber(bill),
    committee: publicText(bill.committee),
    documents: bill.documents && publicDocuments(bill.documents),
    version: bill.version,
    votes: (bill.votes ?? []).map((v) =>
      publicVote(
        v,
        extra.rollCalls?.get(v.id)?.map((e) => ({ ...e, member: publicText(e.member) })),
      ),
    ),
    scheduledVote: bill.scheduledVote && { at: bill.scheduledVote.at, chamber: bill.scheduledVote.chamber },
  });
}
