import { ValidationError } from '../../shared/errors.js';
import type { Item } from '../../shared/items.js';
import { itemFromRecord } from './keys/items.js';
import { DUE_PK } from './keys/sla.js';
import { Filters, type Page } from './lists.js';
import { type Partition, queryPartitions } from './paginate.js';

export type SlaFilter = 'at_risk' | 'breached';

/**
 * Open reports with a promise, soonest due first (the staff list's `sort=due` and `sla=` filter): one
 * partition of the sparse `due` index. "At risk" and "breached" are relative to a moment: the first
 * page fixes it, and the cursor carries it (`<asOf>~<cursor>`, inside the signed part's scope: the
 * partitions it signs hold `asOf`), so every page of one listing agrees on what "now" was.
 */
export async function listDuePage(
  filter: { serviceCodes: readonly string[]; sla?: SlaFilter; status?: string; priority?: string },
  limit: number,
  cursor: string | undefined,
  now = new Date().toISOString(),
): Promise<Page<Item>> {
  let asOf = now;
  let inner = cursor;
  if (cursor) {
    const [at, rest, ...more] = cursor.split('~');
    if (!at || !rest || more.length || Number.isNaN(Date.parse(at))) {
      throw new ValidationError([{ path: 'query.cursor', message: 'is not a cursor from this list and query; start again without it' }]);
    }
    asOf = at;
    inner = rest;
  }
  const filters = new Filters();
  filters.oneOf('serviceCode', filter.serviceCodes);
  if (filter.status) filters.equal('status', filter.status);
  if (filter.priority) filters.equal('priority', filter.priority);
  const partition: Partition = { index: 'due', pk: DUE_PK };
  if (filter.sla === 'breached') Object.assign(partition, { skCondition: '#sk < :asOf' });
  if (filter.sla === 'at_risk') {
    Object.assign(partition, { skCondition: '#sk >= :asOf' });
    filters.atMost('dueAtRiskAt', asOf);
  }
  const built = filters.build();
  const withAsOf: Partition = { ...partition, ...built, values: { ...built.values, ...(filter.sla ? { ':asOf': asOf } : {}) } };
  const { records, nextCursor } = await queryPartitions([withAsOf], limit, inner);
  return { items: records.map(itemFromRecord), nextCursor: nextCursor ? `${asOf}~${nextCursor}` : undefined };
}
