import type { Change, HistoryEvent, Item } from '../items.js';
import { dueEscalation, type EscalationLevel, openDueOf } from './item-sla.js';

/**
 * The escalation an item needs at `now`, as a change: the level recorded on its promise, an internal
 * event saying so (the due time in its note, for the email) and the team's notification. Undefined
 * when the item needs none (closed, paused, on track, or its team already told about this level).
 * @example planEscalation(item, '2025-01-16T10:00:00Z', 'evt1')?.level // 'breached'
 */
export function planEscalation(item: Item, now: string, eventId: string): { level: EscalationLevel; change: Change } | undefined {
  const level = dueEscalation(item.sla, item.closedAt, now);
  if (!level || !item.sla) return undefined;
  const event: HistoryEvent = {
    id: eventId,
    at: now,
    actor: { type: 'system' },
    type: 'field',
    field: 'sla',
    from: item.sla.escalated,
    to: level,
    note: openDueOf(item.sla) ?? '',
    visibility: 'internal',
  };
  if (!event.from) delete event.from;
  const next: Item = { ...item, version: item.version + 1, sla: { ...item.sla, escalated: level } };
  return { level, change: { item: next, events: [event], notifications: ['sla.escalated'] } };
}

/** The item with its promise marked as escalated to `level`, and nothing else: to repair an item whose mark was lost. */
export function markEscalated(item: Item, level: EscalationLevel): Change {
  return { item: { ...item, version: item.version + 1, sla: { ...item.sla, escalated: level } }, events: [], notifications: [] };
}
