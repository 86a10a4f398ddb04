import type { Actor } from './actor.js';
import { areaAt } from './areas/chosen.js';
import type { AreaRef } from './areas/index.js';
import type { Phase, Service } from './catalog/index.js';
import { findService } from './catalog/index.js';
import { ValidationError } from './errors.js';
import { jurisdiction } from './jurisdiction/index.js';
import type { Redaction } from './moderation.js';
import type { ItemPhoto } from './photos.js';
import type { Priority } from './queue.js';
import { routeTeam } from './routing.js';
import type { CreateReportInput, Location, Reporter, Visibility } from './schemas.js';
import { afterAction, type ItemSla, jurisdictionCalendar, startSla } from './sla/index.js';
import { stateOf, type TransitionOutcome } from './workflow.js';

/** A history entry's author as stored: staff are named internally, never publicly. */
export type ActorRef =
  | { type: 'citizen' }
  /** `name`: a machine client's API key name (an Open311 ticket); shown to staff, never to the public. */
  | { type: 'system'; name?: string }
  | { type: 'staff'; id: string; name: string }
  | { type: 'import'; system: string };

/** `vote` and `action` are bills': a recorded vote (its counts in the note) and a legislative action without a stage change. */
export type EventType = 'created' | 'transition' | 'comment' | 'field' | 'assigned' | 'vote' | 'action' | 'closed' | ModerationEventType;
/** Moderation's internal events (shared/moderation.ts). */
export type ModerationEventType = 'redacted' | 'hidden' | 'unhidden' | 'flags-resolved';

/** One append-only history event. */
export interface HistoryEvent {
  id: string;
  at: string;
  actor: ActorRef;
  type: EventType;
  from?: string;
  to?: string;
  field?: string;
  note?: string;
  resolution?: string;
  visibility: Visibility;
}

/** The latest public note on an item, by its event (a redaction of `comment:<eventId>` replaces it). */
export interface PublicNoteRef {
  eventId: string;
  note: string;
}

/** The item's latest public note after these events: the last public event with a note, else the one it had. */
export function latestPublicNote(item: Pick<Item, 'lastPublicNote'>, events: readonly HistoryEvent[]): PublicNoteRef | undefined {
  const last = events.filter((e) => e.visibility === 'public' && e.note).at(-1);
  return last?.note ? { eventId: last.id, note: last.note } : item.lastPublicNote;
}

export interface Assignee {
  id: string;
  name: string;
}

/** A report or bill as stored, including the fields the public never sees. */
export interface Item {
  id: string;
  reference: string;
  kind: Service['kind'];
  serviceCode: string;
  title: string;
  description: string;
  location?: Location;
  address?: string;
  status: string;
  phase: Phase;
  priority: Priority;
  assignee?: Assignee;
  reporter?: Reporter;
  /** The reporter asked for update emails (defaults to true when they gave an email). */
  reporterNotify?: boolean;
  /** The language the reporter wrote in (`Accept-Language`): their acknowledgement and updates use it. */
  reporterLanguage?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
  resolution?: string;
  duplicateOf?: string;
  /** Photos the citizen attached (shared/photos.ts). */
  photos?: ItemPhoto[];
  /** A link to a picture the client chose to publish (Open311 `media_url`): public, http(s) only. */
  mediaUrl?: string;
  /**
   * The latest public note (a public transition's note or public comment), kept on the item so lists
   * can show it without reading each history (Open311 `status_notes`); redactions of that comment apply.
   */
  lastPublicNote?: PublicNoteRef;
  /** Staff hid the report (shared/moderation.ts): out of every public list; its public routes answer 410. */
  hidden?: boolean;
  /** Text the public sees replaced; the original stays here for staff (shared/moderation.ts). */
  redactions?: Redaction[];
  /** The area (ward, district) the pin falls in: set whenever the pin is (create, import, pin correction). */
  area?: AreaRef;
  /** The team whose queue the item is in (catalog routing rules; else the service's first team). */
  team?: string;
  /** Imported items: the source system and the item's id there (SPEC §8), the import's idempotency key (bills carry their own shape). */
  source?: { system: string; id?: string; hash?: string };
  /** Imported items' due date from the source (`dueAt` column); the SLA maths reads `sla.resolutionDueAt`. */
  /** The service's promise on this item (shared/sla): due times fixed at create, moved by pauses. Imported items may carry only `resolutionDueAt`. */
  sla?: ItemSla;
  /**
   * Imported items: the history the source gives (created, closed or the last state, and the last
   * update note), kept on the item instead of one record per event so an import writes two records a
   * row; a re-import replaces it whole. The store's history read merges it with the event records.
   */
  importedHistory?: HistoryEvent[];
}

/** The item's promise after a staff action (a transition `to` a state, or a comment). */
function slaAfter(item: Item, action: { to?: string; publicAction: boolean; now: string }): ItemSla | undefined {
  return afterAction(item.sla, findService(item.serviceCode)?.sla, action, jurisdictionCalendar());
}

/** A change ready to persist: the new item, the events it appends and the notifications it causes. */
export interface Change {
  item: Item;
  events: HistoryEvent[];
  notifications: NotificationKind[];
}

/**
 * What the notifier is asked to send: an acknowledgement, an update to followers, an assignment to the
 * assignee, or a pending follower's confirmation link.
 */
export type NotificationKind =
  | 'report.created'
  | 'item.updated'
  | 'item.assigned'
  | 'subscription.requested'
  | 'alert.requested'
  | 'report.filed'
  | 'sla.escalated';

export function actorRef(actor: Actor): ActorRef {
  return actor.type === 'staff' ? { type: 'staff', id: actor.id, name: actor.name } : { type: actor.type };
}

/**
 * Checks a report says where it is, where the service needs that, and that a pin lies inside the
 * jurisdiction. A typed address counts as saying where: a citizen who cannot use the map (or has no
 * coordinates) describes the place, and staff drop the pin when they triage it.
 */
export function checkLocation(service: Service, where: { location?: Location; address?: string }, path = 'location'): void {
  const { location } = where;
  if (!location) {
    if (service.locationRequired && !where.address?.trim()) {
      throw new ValidationError([
        { path, message: `${service.name} reports need to say where: drop a pin, type coordinates, or give an address.` },
      ]);
    }
    return;
  }
  const b = jurisdiction.bounds;
  if (location.lat < b.minLat || location.lat > b.maxLat || location.lng < b.minLng || location.lng > b.maxLng) {
    throw new ValidationError([{ path, message: `This location is outside ${jurisdiction.name}.` }]);
  }
}

/**
 * Where a pin puts an item: its area (point-in-polygon on the jurisdiction's areas) and the team whose
 * queue it lands in (routing rules on service and area).
 * @example placeOf(getService('pothole'), { lat: 51.4545, lng: -2.5879 }) // { area: {id: 'centre', …}, team: 'roads' }
 */
export function placeOf(service: Service, location: Location | undefined): { area?: AreaRef; team: string } {
  const area = areaAt(location);
  return { area, team: routeTeam(service, area?.id) };
}

/**
 * Builds a new report and its "created" event from a validated request.
 * @example newReport(getService('pothole'), input, {id, reference: 'RF-1234567', now, eventId})
 */
export function newReport(
  service: Service,
  input: CreateReportInput,
  ids: { id: string; reference: string; now: string; eventId: string },
): Change {
  if (service.kind !== 'report') {
    throw new ValidationError([{ path: 'serviceCode', message: `"${service.code}" does not take public reports.` }]);
  }
  checkLocation(service, input);
  const initial = stateOf(service.workflow, service.workflow.initial);
  const email = input.reporter?.email;
  const item: Item = {
    id: ids.id,
    reference: ids.reference,
    kind: 'report',
    serviceCode: service.code,
    title: input.title ?? (input.address ? `${service.name} at ${input.address}` : service.name),
    description: input.description,
    location: input.location,
    address: input.address,
    status: initial.id,
    phase: initial.phase,
    priority: 'normal',
    reporter: input.reporter,
    reporterNotify: email ? input.subscribe !== false : undefined,
    photos: input.photos?.length
      ? input.photos.map((p) => (typeof p === 'string' ? { id: p } : stripUndefined({ id: p.uploadId, alt: p.alt })))
      : undefined,
    ...placeOf(service, input.location),
    version: 1,
    createdAt: ids.now,
    updatedAt: ids.now,
    sla: startSla(service.sla, ids.now, initial.id, jurisdictionCalendar()),
  };
  const event: HistoryEvent = {
    id: ids.eventId,
    at: ids.now,
    actor: { type: 'citizen' },
    type: 'created',
    to: initial.id,
    visibility: 'public',
  };
  return { item: stripUndefined(item), events: [event], notifications: ['report.created'] };
}

/** Applies a planned transition: new status and phase, closing fields, one public (or internal) event. */
export function applyTransition(
  item: Item,
  outcome: TransitionOutcome,
  actor: Actor,
  opts: { now: string; eventId: string; note?: string; visibility?: Visibility },
): Change {
  const next: Item = { ...item, status: outcome.to.id, phase: outcome.phase, version: item.version + 1, updatedAt: opts.now };
  next.sla = slaAfter(item, { to: outcome.to.id, publicAction: (opts.visibility ?? 'public') === 'public', now: opts.now });
  if (outcome.phase === 'done') {
    next.closedAt = opts.now;
    next.resolution = outcome.resolution;
    next.duplicateOf = outcome.duplicateOf;
  } else {
    delete next.closedAt;
    delete next.resolution;
    delete next.duplicateOf;
  }
  const event: HistoryEvent = {
    id: opts.eventId,
    at: opts.now,
    actor: actorRef(actor),
    type: 'transition',
    from: outcome.from.id,
    to: outcome.to.id,
    note: opts.note,
    resolution: outcome.resolution,
    visibility: opts.visibility ?? 'public',
  };
  next.lastPublicNote = latestPublicNote(item, [event]);
  return { item: stripUndefined(next), events: [stripUndefined(event)], notifications: ['item.updated'] };
}

/** Adds a comment. Public comments email followers; internal ones never leave the staff console. */
export function addComment(
  item: Item,
  actor: Actor,
  comment: { body: string; visibility: Visibility },
  opts: { now: string; eventId: string },
): Change {
  const event: HistoryEvent = {
    id: opts.eventId,
    at: opts.now,
    actor: actorRef(actor),
    type: 'comment',
    note: comment.body,
    visibility: comment.visibility,
  };
  return {
    item: stripUndefined({
      ...item,
      version: item.version + 1,
      updatedAt: opts.now,
      sla: slaAfter(item, { publicAction: comment.visibility === 'public', now: opts.now }),
      lastPublicNote: latestPublicNote(item, [event]),
    }),
    events: [event],
    notifications: comment.visibility === 'public' ? ['item.updated'] : [],
  };
}

/** Removes undefined fields so stored records and responses carry no empty keys. */
export function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
