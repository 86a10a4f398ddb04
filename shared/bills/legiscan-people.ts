import { stripUndefined } from '../items.js';
import type { ImportedBill, LegiscanExport } from './legiscan.js';
import { classifyAction, normalizeAction } from './legiscan-actions.js';
import { chamberOf, MEMBER_VOTE, noon } from './legiscan-rows.js';
import type { Chamber } from './model.js';
import {
  type Committee,
  type CommitteeBill,
  type CommitteeHearing,
  chunks,
  committeeKey,
  type Member,
  type MemberBill,
  type MemberVoteRecord,
} from './people.js';

export interface MemberPages {
  member: Member;
  bills: MemberBill[];
  votes: MemberVoteRecord[];
}
export interface CommitteePages {
  committee: Committee;
  bills: CommitteeBill[];
  hearings: CommitteeHearing[];
}

const ROLE_CHAMBER: Record<string, Chamber> = { Rep: 'House', Sen: 'Senate' };
/** Committee-side actions that are not stage moves: hearings and meetings. */
const HEARING = /\bHEARINGS?\b|\bHEARD\b|\bTAKEN UP\b|\bMEETING\b|\bTESTIMONY\b|\bWORK SESSION\b|\bMARK ?UP\b/;

/**
 * Members and committees of a (decoded) LegiScan export: each member's sponsored bills and roll-call
 * record (every row of votes.csv for that person on a known roll call) with attendance; each committee's
 * bills (LegiScan's pending committee, committee sponsorship, and history referrals naming it) and its
 * hearings (committee actions on those bills from the referral until the next one). Pure, deterministic.
 */
export function mapLegiscanPeople(data: LegiscanExport, bills: ImportedBill[]): { members: MemberPages[]; committees: CommitteePages[] } {
  const byId = new Map(bills.map((b) => [b.bill.source?.billId as string, b]));
  const ref = (billId: string) => {
    const b = byId.get(billId);
    return b && { billId: b.bill.id, number: b.bill.number, title: b.bill.title, session: b.bill.session };
  };
  const committees = committeeNames(data);
  const members = new Map<string, MemberPages>();
  for (const p of data.people) {
    if (p.committee_id && p.committee_id !== '0') continue;
    const member: Member = stripUndefined({
      id: p.people_id as string,
      name: p.name || `person ${p.people_id}`,
      party: p.party || undefined,
      role: p.role || undefined,
      district: p.district || undefined,
      chamber: ROLE_CHAMBER[p.role as string],
      attendance: { yes: 0, no: 0, abstain: 0, absent: 0, total: 0 },
      sponsored: 0,
      votePages: 0,
    });
    members.set(member.id, { member, bills: [], votes: [] });
  }
  const pages = new Map<string, CommitteePages>();
  const committeePage = (name: string, chamber?: Chamber) => {
    const key = committeeKey(name);
    if (!pages.has(key))
      pages.set(key, {
        committee: stripUndefined({ key, name, chamber, bills: 0, hearings: 0, hearingPages: 0 }),
        bills: [],
        hearings: [],
      });
    return pages.get(key) as CommitteePages;
  };
  for (const s of data.sponsors) {
    const bill = ref(s.bill_id as string);
    if (!bill) continue;
    const role = s.position === '1' ? 'primary' : 'cosponsor';
    const m = members.get(s.people_id as string);
    if (m) m.bills.push({ ...bill, role });
    const c = committees.byId.get(data.people.find((p) => p.people_id === s.people_id)?.committee_id ?? '');
    if (c) committePageBill(committeePage(c.name, c.chamber), bill, false);
  }
  const rollCalls = new Map(data.rollcalls.map((r) => [r.roll_call_id as string, r]));
  for (const v of data.votes) {
    const rc = rollCalls.get(v.roll_call_id as string);
    const bill = rc && ref(rc.bill_id as string);
    const m = members.get(v.people_id as string);
    if (!rc || !bill || !m) continue;
    const vote = MEMBER_VOTE[v.vote as string] ?? 'abstain';
    m.votes.push(
      stripUndefined({
        at: noon(rc.date as string),
        billId: bill.billId,
        number: bill.number,
        rollCallId: rc.roll_call_id as string,
        chamber: chamberOf(rc.chamber),
        motion: (rc.description as string).replace(/^(House|Senate):\s*/, '') || 'Roll call',
        vote,
      }),
    );
    m.member.attendance[vote]++;
    m.member.attendance.total++;
  }
  for (const row of data.bills) {
    const bill = ref(row.bill_id as string);
    if (!bill) continue;
    const history = data.history
      .filter((h) => h.bill_id === row.bill_id)
      .sort((a, b) => Number(a.sequence) - Number(b.sequence) || (a.date ?? '').localeCompare(b.date ?? ''));
    const pending = row.committee_id && row.committee_id !== '0' ? committees.byId.get(row.committee_id) : undefined;
    const linked = referrals(history, committees.byKey);
    if (pending && !linked.some((l) => committeeKey(l.name) === committeeKey(pending.name))) {
      const last = history.findLastIndex((h) => isReferral(h.action as string) && chamberOf(h.chamber) === pending.chamber);
      linked.push({ name: pending.name, chamber: pending.chamber, index: last, referredAt: undefined });
    }
    for (const l of linked) {
      const page = committeePage(l.name, l.chamber);
      committePageBill(page, bill, pending ? committeeKey(pending.name) === page.committee.key : false, l.referredAt);
      page.hearings.push(...hearingsAfter(history, l.index, l.chamber, bill));
    }
  }
  return {
    members: [...members.values()].map((m) => {
      m.bills.sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }) || a.billId.localeCompare(b.billId));
      m.votes.sort((a, b) => a.at.localeCompare(b.at) || Number(a.rollCallId) - Number(b.rollCallId));
      m.member.sponsored = m.bills.length;
      m.member.votePages = chunks(m.votes).length;
      return m;
    }),
    committees: [...pages.values()].map((c) => {
      c.bills.sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }) || a.billId.localeCompare(b.billId));
      c.hearings.sort((a, b) => a.at.localeCompare(b.at) || a.number.localeCompare(b.number, 'en', { numeric: true }));
      c.committee.bills = c.bills.length;
      c.committee.hearings = c.hearings.length;
      c.committee.hearingPages = chunks(c.hearings).length;
      return c;
    }),
  };
}

function committePageBill(page: CommitteePages, bill: Omit<CommitteeBill, 'pending'>, pending: boolean, referredAt?: string) {
  const known = page.bills.find((b) => b.billId === bill.billId);
  if (known) {
    known.pending ||= pending;
    known.referredAt ??= referredAt;
  } else page.bills.push(stripUndefined({ ...bill, pending, referredAt }));
}

interface Named {
  name: string;
  chamber?: Chamber;
}

/** Committee names by LegiScan committee_id (bills' pending committee, then committee "people"), and by key. */
function committeeNames(data: LegiscanExport): { byId: Map<string, Named>; byKey: Map<string, Named> } {
  const byId = new Map<string, Named>();
  const chamberOfName = (name: string) => chamberOf(/^(House|Senate)\b/i.exec(name)?.[1]?.replace(/^./, (c) => c.toUpperCase()));
  for (const b of data.bills) {
    if (b.committee_id && b.committee_id !== '0' && b.committee && !byId.has(b.committee_id))
      byId.set(b.committee_id, { name: b.committee, chamber: chamberOfName(b.committee) });
  }
  for (const p of data.people) {
    if (!p.committee_id || p.committee_id === '0' || byId.has(p.committee_id) || !p.name) continue;
    const chamber = ROLE_CHAMBER[p.role as string];
    byId.set(p.committee_id, {
      name: chamber && !chamberOfName(p.name) ? `${chamber} ${p.name}` : p.name,
      chamber: chamber ?? chamberOfName(p.name),
    });
  }
  return { byId, byKey: new Map([...byId.values()].map((n) => [committeeKey(n.name), n])) };
}

const isReferral = (action: string) => ['referral-committee', 'referral-list'].includes(classifyAction(action) ?? '');

/**
 * The committee a referral action names, as text: "Referred to Senate Committee on Health" → "HEALTH".
 * @example referralTarget('REFERRED TO LABOR & COMMERCE') // 'LABOR AND COMMERCE'
 */
export function referralTarget(action: string): string | undefined {
  const text = normalizeAction(action.replace(/&/g, ' and ').split(/[;(]/)[0] as string);
  const m = /\b(?:RE ?)?(?:REFERRED|REFER|ASSIGNED|SENT|RECOMMITTED) (?:TO )?(.+)$/.exec(text);
  return m?.[1]
    ?.replace(/^(THE )?((HOUSE|SENATE|ASSEMBLY) )?(STANDING )?(COMMITTEE (ON|OF) )?(THE )?/, '')
    .replace(/ COMMITTEE$/, '')
    .trim();
}

/** The known committees a bill's history refers it to, each with the referral's position and date. */
function referrals(history: Record<string, string>[], known: Map<string, Named>) {
  const out: (Named & { index: number; referredAt?: string })[] = [];
  history.forEach((h, index) => {
    if (classifyAction(h.action as string) !== 'referral-committee') return;
    const target = referralTarget(h.action as string);
    const chamber = chamberOf(h.chamber);
    if (!target) return;
    const found = [...known.values()].find(
      (n) =>
        (!n.chamber || !chamber || n.chamber === chamber) &&
        committeeKey(n.name.replace(/^(House|Senate)\s+/i, '')) === committeeKey(target),
    );
    if (found && !out.some((o) => o.name === found.name)) out.push({ ...found, index, referredAt: noon(h.date as string) });
  });
  return out;
}

/** The committee actions (reports, hearings) in the chamber after a referral, up to the next referral. */
function hearingsAfter(
  history: Record<string, string>[],
  from: number,
  chamber: Chamber | undefined,
  bill: { billId: string; number: string },
): CommitteeHearing[] {
  const out: CommitteeHearing[] = [];
  for (let i = from + 1; i < history.length; i++) {
    const h = history[i] as Record<string, string>;
    if (chamber && chamberOf(h.chamber) && chamberOf(h.chamber) !== chamber) continue;
    const kind = classifyAction(h.action as string);
    if (i > from + 1 && isReferral(h.action as string)) break;
    if (kind === 'committee-report' || kind === 'committee-failure' || HEARING.test(normalizeAction(h.action as string)))
      out.push({ at: noon(h.date as string), billId: bill.billId, number: bill.number, action: h.action as string });
  }
  return out;
}
