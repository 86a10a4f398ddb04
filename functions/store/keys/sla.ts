import type { Item } from '../../../shared/items.js';
import { nextEscalation } from '../../../shared/sla/index.js';

/**
 * Keys of the SLA family: the two sparse index entries an item with a promise carries, and the
 * escalation records (one per item and level: what makes "email the team once per level" hold).
 *
 *   item record: duePK = "report", dueSK = <earliest open due>#<id>, dueAtRiskAt       open reports with a promise
 *                escalationPK = "sla", escalationSK = <next escalation time>#<id>      a level not yet emailed
 *   ESC#<id> LEVEL#<at_risk | breached>                                                this level was emailed (kept)
 *
 * One partition each: a council's open reports with a promise (tens of thousands) are well inside one
 * GSI partition's write rate, and one partition keeps the due order across services in one Query.
 */
export const DUE_PK = 'report';
export const ESCALATION_PK = 'sla';

/** The earliest due time among an item's clocks still running, and when that clock turns at risk. */
export function openDue(item: Pick<Item, 'sla' | 'closedAt'>): { dueAt: string; atRiskAt?: string } | undefined {
  const sla = item.sla;
  if (!sla || item.closedAt) return undefined;
  const clocks = [];
  if (sla.firstResponseDueAt && !sla.firstRespondedAt) clocks.push({ dueAt: sla.firstResponseDueAt, atRiskAt: sla.firstResponseAtRiskAt });
  if (sla.resolutionDueAt) clocks.push({ dueAt: sla.resolutionDueAt, atRiskAt: sla.resolutionAtRiskAt });
  return clocks.sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
}

/** The SLA index attributes of an item record (none for a bill, a closed report or one without a promise). */
export function slaIndexAttributes(item: Item): Record<string, unknown> {
  if (item.kind !== 'report') return {};
  const attrs: Record<string, unknown> = {};
  const due = openDue(item);
  if (due) {
    attrs.duePK = DUE_PK;
    attrs.dueSK = `${due.dueAt}#${item.id}`;
    if (due.atRiskAt) attrs.dueAtRiskAt = due.atRiskAt;
  }
  const next = nextEscalation(item.sla, item.closedAt);
  if (next) {
    attrs.escalationPK = ESCALATION_PK;
    attrs.escalationSK = `${next.at}#${item.id}`;
  }
  return attrs;
}

export const escalationKey = (itemId: string, level: string) => ({ PK: `ESC#${itemId}`, SK: `LEVEL#${level}` });

/** The record that says an item's team was emailed about a level, and when. Never expires: once is once. */
export function escalationRecord(itemId: string, level: string, at: string): Record<string, unknown> {
  return { ...escalationKey(itemId, level), entity: 'escalation', itemId, level, at };
}
