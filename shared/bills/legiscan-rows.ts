import { stripUndefined } from '../items.js';
import { scrubText } from '../text.js';
import type { ImportedBill, LegiscanExport, MapContext } from './legiscan.js';
import type { Chamber, RollCallEntry, Sponsor, Vote } from './model.js';
import { rollCallMismatches } from './schemas.js';
import { inferVoteType } from './workflow.js';

/** LegiScan row helpers: text decoding, dates, sponsors and roll calls. Pure. */

export const noon = (date: string) => `${date}T12:00:00.000Z`;
export const chamberOf = (raw: string | undefined): Chamber | undefined => (raw === 'House' || raw === 'Senate' ? raw : undefined);
export const MEMBER_VOTE: Record<string, RollCallEntry['vote']> = { '1': 'yes', '2': 'no', '3': 'abstain', '4': 'absent' };
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
/**
 * LegiScan's text fields carry HTML entities ("Corporation&#39;s"); the board stores plain text and
 * renders it as text, so they are decoded once here.
 * @example decodeEntities('Corporation&#39;s') // "Corporation's"
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1]?.toLowerCase() === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}
const TEXT_FIELDS: Record<string, string[]> = {
  bills: ['title', 'description', 'committee', 'last_action'],
  history: ['action'],
  people: ['name', 'party', 'district'],
  rollcalls: ['description'],
};

/**
 * The export's text fields as the board stores text typed into it: entities decoded, then cleaned like
 * any free text (NFC, no bidi overrides; see cleanText). Control characters an export should never
 * carry become spaces rather than failing the import, since nobody can be asked to re-type them.
 */
export function decodeExport(data: LegiscanExport): LegiscanExport {
  const out = { ...data };
  for (const [file, fields] of Object.entries(TEXT_FIELDS) as [keyof LegiscanExport, string[]][]) {
    out[file] = data[file].map((row) => {
      const copy = { ...row };
      for (const f of fields) if (copy[f]) copy[f] = scrubText(decodeEntities(copy[f]));
      return copy;
    });
  }
  return out;
}

export function mapSponsors(rows: Record<string, string>[], ctx: MapContext): Sponsor[] {
  const out: Sponsor[] = [];
  for (const r of rows.sort((a, b) => Number(a.position) - Number(b.position))) {
    const person = ctx.people.get(r.people_id as string);
    if (!person) {
      ctx.problems.push({
        file: 'sponsors.csv',
        row: Number(r.row),
        reason: `sponsor names people_id ${r.people_id}, which people.csv does not have`,
      });
      continue;
    }
    out.push(
      stripUndefined({
        name: person.name as string,
        role: r.position === '1' ? 'primary' : 'cosponsor',
        party: person.committee_id && person.committee_id !== '0' ? undefined : person.party || undefined,
        district: person.district || undefined,
        memberId: person.committee_id && person.committee_id !== '0' ? undefined : (person.people_id as string),
      }) as Sponsor,
    );
  }
  return out;
}

export function mapVotes(
  itemId: string,
  rows: Record<string, string>[],
  memberVotes: Map<string, Record<string, string>[]>,
  origin: Chamber,
  ctx: MapContext,
): { votes: Vote[]; rollCalls: ImportedBill['rollCalls'] } {
  const votes: Vote[] = [];
  const rollCalls: ImportedBill['rollCalls'] = [];
  for (const r of [...rows].sort((a, b) => `${a.date}${a.roll_call_id}`.localeCompare(`${b.date}${b.roll_call_id}`))) {
    const motion = (r.description as string).replace(/^(House|Senate):\s*/, '') || 'Roll call';
    const counts = { yes: Number(r.yea), no: Number(r.nay), abstain: Number(r.nv), absent: Number(r.absent) };
    const vote: Vote = {
      id: `${itemId}-rc${r.roll_call_id}`,
      at: noon(r.date as string),
      chamber: chamberOf(r.chamber) ?? origin,
      motion,
      type: inferVoteType(motion),
      ...counts,
      // The CSV has no outcome per roll call: a simple majority of those voting is taken as passing.
      result: counts.yes > counts.no ? 'pass' : 'fail',
    };
    votes.push(vote);
    const members = (memberVotes.get(r.roll_call_id as string) ?? []).map((m) => ({
      member: ctx.people.get(m.people_id as string)?.name ?? `person ${m.people_id}`,
      vote: MEMBER_VOTE[m.vote as string] ?? 'abstain',
    }));
    if (members.length === 0) continue;
    const mismatches = rollCallMismatches(counts, members);
    if (mismatches.length) {
      ctx.problems.push({
        file: 'votes.csv',
        row: 0,
        reason: `roll call ${r.roll_call_id}: member votes disagree with the counts (${mismatches.map((m) => `${m.path[0]} ${m.message}`).join('; ')}); counts kept, roll call left out`,
      });
      continue;
    }
    rollCalls.push({ voteId: vote.id, at: vote.at, rollCall: members });
  }
  return { votes, rollCalls };
}
