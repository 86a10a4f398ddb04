import type { Bill } from '../../shared/bills/model.js';
import { PHASES, type Phase } from '../../shared/catalog/index.js';
import { itemFromRecord } from './keys/items.js';
import { Filters, type Page } from './lists.js';
import type { Partition } from './paginate.js';
import { queryPartitions } from './paginate.js';

/** How a bill list is read, and what narrows it inside the partitions it reads. */
export interface BillListing {
  /** `agenda`: bills with a scheduled vote, soonest first; `session`: one session in number order; else most recently changed first. */
  by: 'agenda' | 'session' | 'recent';
  phases: readonly Phase[];
  session?: string;
  status?: string;
  sponsor?: string;
  q?: string;
  /** With `agenda`: votes at or after this ISO time. */
  voteFrom?: string;
}

/**
 * A page of bills. Every read is a Query on a known partition: the sparse `agenda` index, the
 * `session` index, or the `phase` index per phase (`bill#<phase>`); the rest are filters.
 */
export async function listBillsPage(listing: BillListing, limit: number, cursor?: string): Promise<Page<Bill>> {
  const filters = new Filters();
  if (listing.status) filters.equal('status', listing.status);
  if (listing.sponsor) filters.contains('sponsorText', listing.sponsor.toLowerCase());
  if (listing.q) filters.contains('searchText', listing.q.toLowerCase());
  let partitions: Partition[];
  if (listing.by === 'recent') {
    const built = filters.build();
    partitions = listing.phases.map((phase) => ({ index: 'phase', pk: `bill#${phase}`, newestFirst: true, ...built }));
  } else {
    if (listing.session && listing.by === 'agenda') filters.equal('session', listing.session);
    if (listing.phases.length < PHASES.length) filters.oneOf('phase', listing.phases);
    const built = filters.build();
    partitions =
      listing.by === 'agenda'
        ? [{ index: 'agenda', pk: 'bill', ...built, ...voteFrom(listing.voteFrom, built.values) }]
        : [{ index: 'session', pk: `bill#${listing.session}`, ...built }];
  }
  const { records, nextCursor } = await queryPartitions(partitions, limit, cursor);
  return { items: records.map((r) => itemFromRecord(r) as Bill), nextCursor };
}

/** The agenda's key condition for `voteFrom`: sort keys start with the vote's ISO time. */
function voteFrom(from: string | undefined, values: Record<string, unknown> = {}): Partial<Partition> {
  if (!from) return {};
  return { skCondition: '#sk >= :from', values: { ...values, ':from': from } };
}
