import type { Actor } from './actor.js';
import { findService, getService } from './catalog/index.js';
import { ValidationError } from './errors.js';
import { type Assignee, actorRef, type Change, checkLocation, type HistoryEvent, type Item, placeOf, stripUndefined } from './items.js';
import { applyHidden } from './moderation.js';
import type { PatchReportInput } from './schemas.js';

/**
 * Applies a staff edit (priority, assignee, service, title, pin). Each changed field appends its own
 * event so the history says exactly what changed, from what, to what. Assignment is an internal event
 * (a person's identity is never public) and emails the assignee.
 * @example applyPatch(item, {priority: 'high'}, roadsUser, {now, eventId: () => ulid()}).events[0].field // 'priority'
 */
export function applyPatch(
  item: Item,
  patch: PatchReportInput,
  actor: Actor,
  opts: { now: string; eventId: () => string; assignee?: Assignee | null },
): Change {
  const next: Item = { ...item };
  const events: HistoryEvent[] = [];
  const notifications: Change['notifications'] = [];
  const record = (field: string, from: unknown, to: unknown, visibility: HistoryEvent['visibility'] = 'public') =>
    events.push(
      stripUndefined({
        id: opts.eventId(),
        at: opts.now,
        actor: actorRef(actor),
        type: field === 'assignee' ? 'assigned' : 'field',
        field,
        from: show(from),
        to: show(to),
        visibility,
      } as HistoryEvent),
    );

  if (patch.serviceCode !== undefined && patch.serviceCode !== item.serviceCode) {
    const from = getService(item.serviceCode);
    const to = findService(patch.serviceCode);
    if (!to) throw new ValidationError([{ path: 'serviceCode', message: `"${patch.serviceCode}" is not a service.` }]);
    if (to.kind !== from.kind || to.workflowId !== from.workflowId) {
      throw new ValidationError([{ path: 'serviceCode', message: `"${to.code}" uses a different workflow; it cannot take this item.` }]);
    }
    checkLocation(to, { location: patch.location ?? item.location, address: item.address });
    record('serviceCode', item.serviceCode, to.code);
    next.serviceCode = to.code;
  }
  if (patch.priority !== undefined && patch.priority !== item.priority) {
    record('priority', item.priority, patch.priority);
    next.priority = patch.priority;
  }
  if (patch.title !== undefined && patch.title !== item.title) {
    record('title', item.title, patch.title);
    next.title = patch.title;
  }
  if (patch.location !== undefined) {
    checkLocation(getService(next.serviceCode), { location: patch.location });
    record('location', item.location, patch.location);
    next.location = patch.location;
    const place = placeOf(getService(next.serviceCode), patch.location);
    if (place.area?.id !== item.area?.id) {
      record('area', item.area?.id, place.area?.id);
      if (place.area) next.area = place.area;
      else delete next.area;
      // Still in a queue: a pin moved to another area may belong to another team's queue.
      if (next.phase === 'waiting') next.team = place.team;
    }
  }
  if (opts.assignee !== undefined && opts.assignee?.id !== item.assignee?.id) {
    record('assignee', item.assignee?.id, opts.assignee?.id, 'internal');
    if (opts.assignee) {
      next.assignee = opts.assignee;
      notifications.push('item.assigned');
    } else delete next.assignee;
  }
  if (patch.hidden !== undefined) {
    const hidden = applyHidden(item, next, patch.hidden, actor, { now: opts.now, eventId: opts.eventId() });
    if (hidden) events.push(hidden);
  }
  if (events.length === 0) return { item, events, notifications };
  return { item: { ...next, version: item.version + 1, updatedAt: opts.now }, events, notifications };
}

function show(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object' && 'lat' in value && 'lng' in value) return `${value.lat},${value.lng}`;
  return String(value);
}
