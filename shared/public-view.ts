import { publicActorLabel } from './actor.js';
import { findService, type Service } from './catalog/index.js';
import type { Translator } from './i18n/translator.js';
import type { HistoryEvent, Item } from './items.js';
import { stripUndefined } from './items.js';
import { redactedEvent, redactedText } from './moderation.js';
import { type PublicPhoto, publicPhotos } from './photos.js';
import { type PublicSla, publicSla } from './sla/index.js';
import { scrubText } from './text.js';
import { stateOf } from './workflow.js';

/** An event as the public sees it: who by role only, labels for states, nothing internal. */
export interface PublicEvent {
  at: string;
  actor: string;
  type: HistoryEvent['type'];
  from?: string;
  fromLabel?: string;
  to?: string;
  toLabel?: string;
  field?: string;
  note?: string;
  resolution?: string;
}

/** The public shape of an item: SPEC §4's field list, and never reporter contact or staff identity. */
export interface PublicItem {
  id: string;
  reference: string;
  kind: Item['kind'];
  serviceCode: string;
  serviceName: string;
  title: string;
  description: string;
  location?: Item['location'];
  address?: string;
  status: string;
  statusLabel: string;
  phase: Item['phase'];
  priority: Item['priority'];
  assignedTeam?: string;
  /** The area (ward, district) the pin falls in. */
  area?: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
  resolution?: string;
  duplicateOf?: string;
  queuePosition?: number;
  /** Photos not hidden by staff (SPEC §11). */
  photos?: PublicPhoto[];
  /** A picture link the reporting client published (Open311 `media_url`). */
  mediaUrl?: string;
  /** The promise and where it stands now (SPEC §9). */
  sla?: PublicSla;
  history?: PublicEvent[];
}

/**
 * The item's service; for one the catalog no longer has (a council retired it with items still filed
 * under it), a stand-in that shows the code and the status ids, so the item stays visible and the lists
 * it is in keep working, rather than every public list failing on it.
 */
function serviceOf(item: Item): Service {
  return (
    findService(item.serviceCode) ?? {
      code: item.serviceCode,
      name: item.serviceCode,
      description: '',
      group: 'Council',
      kind: item.kind,
      locationRequired: false,
      teams: [],
      workflowId: '',
      workflow: { initial: item.status, states: [], transitions: [] },
    }
  );
}

/**
 * A state's label, falling back to its id if the catalog no longer has it; with a translator, the
 * council's translation of it (`workflow.<id>.state.<state>`, shared/i18n/catalog-keys.ts).
 */
export function statusLabel(service: Service, status: string, tr?: Translator): string {
  const label = service.workflow.states.find((s) => s.id === status)?.label ?? status;
  return tr ? tr.text(`workflow.${service.workflowId}.state.${status}`, label) : label;
}

/** A service's name, in the translator's language when given (`service.<code>.name`). */
export const serviceName = (service: Service, tr?: Translator): string =>
  tr ? tr.text(`service.${service.code}.name`, service.name) : service.name;

/**
 * Text as the public is shown it. New text is cleaned on the way in (shared/text.ts); this cleans text
 * stored before that, so a bidi override or control character saved then is not served now.
 * @example publicText('abc\u202Etxt') // 'abctxt'
 */
export function publicText<T extends string | undefined>(text: T): T {
  return (text === undefined ? text : scrubText(text)) as T;
}

/**
 * Projects a stored item (and optionally its history) to what anyone may see. Built field by field
 * from an allow-list, so a field added to Item later stays private until it is added here.
 * @example toPublicItem(item, {history, queuePosition: 3}).queuePosition // 3
 */
export function toPublicItem(
  item: Item,
  extra: { history?: HistoryEvent[]; queuePosition?: number; now?: string; tr?: Translator } = {},
): PublicItem {
  const service = serviceOf(item);
  const { tr } = extra;
  return stripUndefined({
    id: item.id,
    reference: item.reference,
    kind: item.kind,
    serviceCode: item.serviceCode,
    serviceName: serviceName(service, tr),
    // Redacted text shows its replacement (shared/moderation.ts); staff views read the original.
    title: publicText(redactedText(item, 'title', item.title)),
    description: publicText(redactedText(item, 'description', item.description)),
    location: item.location,
    address: publicText(redactedText(item, 'address', item.address)),
    status: item.status,
    statusLabel: statusLabel(service, item.status, tr),
    phase: item.phase,
    priority: item.priority,
    assignedTeam: item.assignee ? `${service.group} team` : undefined,
    area: item.area ? { id: item.area.id, name: item.area.name } : undefined,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    closedAt: item.closedAt,
    resolution: publicText(item.resolution),
    duplicateOf: item.duplicateOf,
    queuePosition: item.phase === 'waiting' ? extra.queuePosition : undefined,
    photos: publicPhotos(item.photos),
    mediaUrl: item.mediaUrl,
    sla: publicSla(item.sla, item.closedAt, extra.now ?? new Date().toISOString()),
    history: extra.history?.filter((e) => e.visibility === 'public').map((e) => toPublicEvent(redactedEvent(item, e), service, tr)),
  });
}

export function toPublicEvent(event: HistoryEvent, service: Service, tr?: Translator): PublicEvent {
  const label = (id?: string) =>
    event.type === 'transition' || event.type === 'created' || event.type === 'vote' ? safeLabel(service, id, tr) : undefined;
  return stripUndefined({
    at: event.at,
    actor: publicActorLabel(event.actor, service),
    type: event.type,
    from: event.from,
    fromLabel: label(event.from),
    to: event.to,
    toLabel: label(event.to),
    field: event.field,
    note: publicText(event.note),
    resolution: event.resolution,
  });
}

function safeLabel(service: Service, id?: string, tr?: Translator): string | undefined {
  if (!id) return undefined;
  try {
    const label = stateOf(service.workflow, id).label;
    return tr ? tr.text(`workflow.${service.workflowId}.state.${id}`, label) : label;
  } catch {
    return id;
  }
}
