/**
 * The single table's shape, as plain data: the CDK app and the local stack (and the test setup) both
 * create the table from this one definition. See docs/data-model.md for the access patterns.
 */
export interface IndexDefinition {
  name: string;
  partitionKey: string;
  sortKey: string;
}

export const TABLE_DEFINITION = {
  partitionKey: 'PK',
  sortKey: 'SK',
  ttlAttribute: 'expiresAt',
  indexes: [
    /** Waiting items per service in queue order; sparse: only waiting items carry the keys. */
    { name: 'queue', partitionKey: 'queuePK', sortKey: 'queueSK' },
    /** Items per kind and phase, most recently updated first. */
    { name: 'phase', partitionKey: 'phasePK', sortKey: 'phaseSK' },
    /** Items per service and phase, most recently updated first. */
    { name: 'service', partitionKey: 'servicePK', sortKey: 'serviceSK' },
    /** Located items per geohash cell (precision 4), sorted by full geohash: bounding-box lists. */
    { name: 'cell', partitionKey: 'cellPK', sortKey: 'cellSK' },
    /** Items per assignee, most recently updated first; sparse. */
    { name: 'assignee', partitionKey: 'assigneePK', sortKey: 'assigneeSK' },
    /** Reports per area (ward, district) and phase, most recently updated first: the `area=` filter. */
    { name: 'area', partitionKey: 'areaPK', sortKey: 'areaSK' },
    /** Bills per session in bill-number order: the `session` filter of GET /api/bills. */
    { name: 'session', partitionKey: 'sessionPK', sortKey: 'sessionSK' },
    /** Bills with a scheduled vote, soonest first ("up for a vote"); sparse. */
    { name: 'agenda', partitionKey: 'agendaPK', sortKey: 'agendaSK' },
    /** Open reports with a promise, soonest due first (the staff list's `sla` filter and due order); sparse. */
    { name: 'due', partitionKey: 'duePK', sortKey: 'dueSK' },
    /** Reports whose team is next to be emailed about their promise, soonest first (the escalation job); sparse. */
    { name: 'escalation', partitionKey: 'escalationPK', sortKey: 'escalationSK' },
  ] satisfies IndexDefinition[],
} as const;

export type IndexName = (typeof TABLE_DEFINITION.indexes)[number]['name'];

export function indexDefinition(name: IndexName): IndexDefinition {
  return TABLE_DEFINITION.indexes.find((i) => i.name === name) as IndexDefinition;
}
