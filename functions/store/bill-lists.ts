import type { Bill } from '../../shared/bills/model.js';
import type { ListBillsQuery } from '../../shared/bills/schemas.js';
import { billService } from '../../shared/bills/service.js';
import { PHASES, type Phase } from '../../shared/catalog/index.js';
import { ValidationError } from '../../shared/errors.js';
import { itemFromRecord } from './keys.js';
import { Filters, type Page } from './lists.js';
import type { Partition } from './paginate.js';
import { queryPartitions } from './paginate.js';

/**
 * Public bill list. Every read is a Query on a known partition:
 * - `upForVote=true`: the sparse `agenda` index, soonest scheduled vote first;
 * - `session=`: the `session` index, in bill-number order;
 * - otherwise the `phase` index per phase (`bill#<phase>`), most recently changed first.
 * phase, status, sponsor and q narrow the result as filters inside those partitions.
 */
export async function listBills(query: ListBillsQuery): Promise<Page<Bill>> {
  const phases = phasesFor(query);
  const filters = new Filters();
  if (query.status) filters.equal('status', query.status);
  if (query.sponsor) filters.contains('sponsorText', query.sponsor.toLowerCase());
  if (query.q) filters.contains('searchText', query.q.toLowerCase());
  let partitions: Partition[];
  if (query.voteFrom && query.upForVote !== 'true') {
    throw new ValidationError([{ path: 'query.voteFrom', message: 'only applies with upForVote=true' }]);
  }
  if (query.upForVote === 'true' || query.session) {
    if (query.session && query.upForVote === 'true') filters.equal('session', query.session);
    if (phases.length < PHASES.length) filters.oneOf('phase', phases);
    const built = filters.build();
    partitions =
      query.upForVote === 'true'
        ? [{ index: 'agenda', pk: 'bill', ...built, ...voteFrom(query.voteFrom, built.values) }]
        : [{ index: 'session', pk: `bill#${query.session}`, ...built }];
  } else {
    const built = filters.build();
    partitions = phases.map((phase) => ({ index: 'phase', pk: `bill#${phase}`, newestFirst: true, ...built }));
  }
  const { records, nextCursor } = await queryPartitions(partitions, query.limit, query.cursor);
  return { items: records.map((r) => itemFromRecord(r) as Bill), nextCursor };
}

/** The agenda's key condition for `voteFrom`: sort keys start with the vote's ISO time. */
function voteFrom(from: string | undefined, values: Record<string, unknown> = {}): Partial<Partition> {
  if (!from) return {};
  return { skCondition: '#sk >= :from', values: { ...values, ':from': new Date(from).toISOString() } };
}

function phasesFor(query: ListBillsQuery): readonly Phase[] {
  if (!query.status) return query.phase ? [query.phase] : PHASES;
  const state = billService().workflow.states.find((s) => s.id === query.status);
  if (!state) {
    const ids = billService().workflow.states.map((s) => s.id);
    throw new ValidationError([{ path: 'query.status', message: `"${query.status}" is not a bill stage; one of ${ids.join(', ')}.` }]);
  }
  if (query.phase && query.phase !== state.phase) return [];
  return [state.phase];
}
