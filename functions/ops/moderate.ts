import { ulid } from 'ulid';
import { canActOn, requireTeam, type StaffActor } from '../../shared/actor.js';
import { findService, getService } from '../../shared/catalog/index.js';
import { ConflictError } from '../../shared/errors.js';
import type { HistoryEvent, Item } from '../../shared/items.js';
import { applyHidden, applyRedaction, flagResolutionEvent, type RedactionInput, type ResolveFlagsInput } from '../../shared/moderation.js';
import { listOpenFlags, type OpenFlags, openFlagsOf } from '../store/flags.js';
import { getItemWithHistory } from '../store/items.js';
import type { Deferred } from './input.js';
import { syncPhotoFiles } from './photo-files.js';
import { updateItem } from './update-item.js';

/** The history a comment redaction is checked against: only read when the field names a comment. */
async function historyFor(item: Item, field: string): Promise<HistoryEvent[]> {
  return field.startsWith('comment:') ? (await getItemWithHistory(item.id, 'report')).history : [];
}

/**
 * Staff of the report's service (or admin) redact a field: the public sees the replacement everywhere,
 * staff keep the original with an internal event saying who, why and when. Honours If-Match.
 */
export async function redactReport(actor: StaffActor, idOrRef: string, body: Deferred<RedactionInput>, ifMatch?: number): Promise<Item> {
  let photo = false;
  const item = await updateItem(
    idOrRef,
    'report',
    async (item) => {
      requireTeam(actor, getService(item.serviceCode));
      const input = body();
      photo = input.field.startsWith('photo:');
      const history = await historyFor(item, input.field);
      return { change: applyRedaction(item, history, input, actor, { now: new Date().toISOString(), eventId: ulid() }) };
    },
    ifMatch,
  );
  // A hidden photo's files leave their public URLs (docs/moderation.md).
  if (photo) await syncPhotoFiles(item);
  return item;
}

/**
 * Staff close a report's open flags with a decision: keep it as it is, hide it, or redact a field. The
 * decision and the flag count are an internal history event, in the same transaction that clears the
 * flags (and hides or redacts).
 */
export async function resolveFlags(actor: StaffActor, idOrRef: string, body: Deferred<ResolveFlagsInput>, ifMatch?: number): Promise<Item> {
  let takedown = false;
  const resolved = await updateItem(
    idOrRef,
    'report',
    async (item) => {
      requireTeam(actor, getService(item.serviceCode));
      const input = body();
      takedown = input.action === 'hide' || Boolean(input.redaction?.field.startsWith('photo:'));
      const flags = await openFlagsOf(item.id);
      if (!flags) throw new ConflictError(`Report ${item.reference} has no open flags to resolve.`);
      const now = new Date().toISOString();
      let next: Item = { ...item, version: item.version + 1, updatedAt: now };
      const events: HistoryEvent[] = [];
      if (input.action === 'hide') {
        const hidden = applyHidden(item, next, true, actor, { now, eventId: ulid() });
        if (hidden) events.push(hidden);
      }
      if (input.action === 'redact' && input.redaction) {
        const redacted = applyRedaction(item, await historyFor(item, input.redaction.field), input.redaction, actor, {
          now,
          eventId: ulid(),
        });
        next = { ...redacted.item };
        events.push(...redacted.events);
      }
      events.push(flagResolutionEvent(actor, input, flags.count, { now, eventId: ulid() }));
      return { change: { item: next, events, notifications: [] }, clearFlags: true };
    },
    ifMatch,
  );
  if (takedown) await syncPhotoFiles(resolved);
  return resolved;
}

/** The moderation queue as one staff member sees it: flagged reports of the services they act on, most flagged first. */
export async function moderationQueue(actor: StaffActor): Promise<OpenFlags[]> {
  const all = await listOpenFlags();
  return all.filter((f) => {
    const service = findService(f.serviceCode);
    return service ? canActOn(actor, service) : actor.groups.includes('admin');
  });
}
