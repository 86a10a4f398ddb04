import * as z from 'zod';
import { PHASES } from '../catalog/index.js';
import { freeText, httpUrl } from '../fields.js';
import { LIMITS, limit } from '../schemas.js';
import { CHAMBERS, MEMBER_VOTES, VOTE_RESULTS, VOTE_TYPES } from './model.js';

/** One line of free text (a title, a name, a motion): cleaned and checked by freeText. */
const line = (max: number) => freeText({ max });
/** Free text that may span lines (a summary, a note). */
const paragraphs = (max: number) => freeText({ max, shape: 'multiline' });
const isoTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time like 2026-03-01T10:00:00Z' });
const chamber = z.enum(CHAMBERS, `must be one of ${CHAMBERS.join(', ')}`);
const count = z.number().int('must be a whole number').min(0, 'must be 0 or more').max(10_000, 'must be at most 10000');

export const BILL_LIMITS = { number: 20, session: 40, sponsors: 200, rollCall: 1000, documents: 20 } as const;

export const sponsorSchema = z
  .object({
    name: line(LIMITS.name),
    role: z.enum(['primary', 'cosponsor']).default('cosponsor'),
    party: line(20).optional(),
    district: line(40).optional(),
  })
  .strict();

export const createBillSchema = z
  .object({
    number: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{1,6} ?\d{1,6}[A-Za-z]?$/, 'must be a bill number like "HB 12" or "SJR3"'),
    session: z
      .string()
      .trim()
      .regex(/^[\w.-]{1,40}$/, 'must be a session name like 2025-2026'),
    title: line(LIMITS.title),
    summary: paragraphs(LIMITS.description),
    chamber,
    sponsors: z
      .array(sponsorSchema)
      .min(1, 'name at least the primary sponsor')
      .max(BILL_LIMITS.sponsors)
      .refine((s) => s.some((x) => x.role === 'primary'), 'one sponsor must have role "primary"'),
    committee: line(LIMITS.title).optional(),
    documents: z
      .array(z.object({ label: line(LIMITS.title), url: httpUrl(2000) }).strict())
      .max(BILL_LIMITS.documents)
      .optional(),
  })
  .strict();
export type CreateBillInput = z.output<typeof createBillSchema>;

export const billTransitionSchema = z
  .object({
    to: z.string().min(1, 'name the stage to move to'),
    note: paragraphs(LIMITS.note).optional(),
    /** Required when moving to a "scheduled for a vote" stage: when the vote is. */
    scheduledVote: z.object({ at: isoTime }).strict().optional(),
    /** Optional on a referral: the committee the bill goes to. */
    committee: line(LIMITS.title).optional(),
  })
  .strict();
export type BillTransitionInput = z.output<typeof billTransitionSchema>;

const COUNT_FIELDS = { yes: 'yes', no: 'no', abstain: 'abstain', absent: 'absent' } as const;

export const voteSchema = z
  .object({
    at: isoTime,
    chamber,
    motion: line(LIMITS.title),
    /** Optional: inferred from the motion when absent (see inferVoteType). */
    type: z.enum(VOTE_TYPES).optional(),
    yes: count,
    no: count,
    abstain: count,
    absent: count,
    result: z.enum(VOTE_RESULTS, 'must be "pass" or "fail"'),
    rollCall: z
      .array(z.object({ member: line(LIMITS.name), vote: z.enum(MEMBER_VOTES, `must be one of ${MEMBER_VOTES.join(', ')}`) }).strict())
      .max(BILL_LIMITS.rollCall)
      .optional(),
    note: paragraphs(LIMITS.note).optional(),
  })
  .strict()
  .superRefine((vote, ctx) => {
    if (!vote.rollCall) return;
    const seen = new Set<string>();
    vote.rollCall.forEach((entry, i) => {
      const key = entry.member.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['rollCall', i, 'member'], message: `${entry.member} is listed twice` });
      seen.add(key);
    });
    for (const issue of rollCallMismatches(vote, vote.rollCall)) ctx.addIssue({ code: 'custom', ...issue });
  });

/**
 * Each count that disagrees with the roll call, as a field error: `{path: ['yes'], message}`.
 * @example rollCallMismatches({yes: 2, no: 0, abstain: 0, absent: 0}, [{member: 'A', vote: 'yes'}])[0].path // ['yes']
 */
export function rollCallMismatches(
  counts: Record<keyof typeof COUNT_FIELDS, number>,
  rollCall: { vote: string }[],
): { path: string[]; message: string }[] {
  return (Object.keys(COUNT_FIELDS) as (keyof typeof COUNT_FIELDS)[]).flatMap((field) => {
    const listed = rollCall.filter((e) => e.vote === field).length;
    if (listed === counts[field]) return [];
    return [{ path: [field], message: `is ${counts[field]} but the roll call lists ${listed} "${field}" vote${listed === 1 ? '' : 's'}` }];
  });
}
export type VoteInput = z.output<typeof voteSchema>;

export const listBillsQuerySchema = z
  .object({
    phase: z.enum(PHASES).optional(),
    status: z.string().min(1).max(40).optional(),
    session: z
      .string()
      .regex(/^[\w.-]{1,40}$/, 'must be a session name like 2025-2026')
      .optional(),
    sponsor: freeText({ max: LIMITS.name, allowEmpty: true }).min(2, 'must be at least 2 characters').optional(),
    q: line(LIMITS.title).optional(),
    /** Only bills with a scheduled vote, soonest first ("up for a vote"). */
    upForVote: z.enum(['true', 'false']).optional(),
    /** With upForVote: only votes scheduled at or after this time (e.g. today, to hide stale calendars). */
    voteFrom: isoTime.optional(),
    limit,
    cursor: z.string().min(1).optional(),
  })
  .strict();
export type ListBillsQuery = z.output<typeof listBillsQuerySchema>;

/** An office's private note on a bill; '' clears it. */
export const watchNoteSchema = z.object({ note: freeText({ max: LIMITS.note, shape: 'multiline', allowEmpty: true }) }).strict();

/** `GET /api/bills/members/{id}` and `/committees/{name}`: which chunk of the long lists (0 = the first). */
export const peoplePageQuerySchema = z
  .object({
    page: z.coerce.number('must be a page number like 0').int('must be a whole number').min(0, 'must be 0 or more').max(9999).default(0),
  })
  .strict();
export type PeoplePageQuery = z.output<typeof peoplePageQuerySchema>;

/** `GET /api/staff/watchlist?format=csv`: the watchlist as a CSV download instead of JSON. */
export const watchlistQuerySchema = z.object({ format: z.enum(['json', 'csv'], 'must be "json" or "csv"').optional() }).strict();
export type WatchlistQuery = z.output<typeof watchlistQuerySchema>;

/** `PUT /api/staff/watchlist-alerts`: whether the caller gets an email when a watched bill moves or is voted on. */
export const watchAlertsSchema = z.object({ enabled: z.boolean('must be true or false') }).strict();
