import * as z from 'zod';
import type { Actor } from './actor.js';
import { ValidationError } from './errors.js';
import { freeText } from './fields.js';
import { actorRef, type Change, type HistoryEvent, type Item } from './items.js';

/**
 * Moderation (docs/moderation.md): staff hide a report or a photo and redact text; anyone flags an item.
 * Pure: the decisions and what the public sees. Nothing is ever overwritten: a redaction is an overlay
 * on the stored text, recorded as an internal history event with who, why and when.
 */

/** What the public reads where redacted text was, unless staff give another replacement. */
export const DEFAULT_REPLACEMENT = '[removed: personal information]';

export const MODERATION_LIMITS = { reason: 500, replacement: 200 } as const;

/** `title`, `description`, `address`, `comment:<eventId>`, `photo:<photoId>`. */
export const REDACTABLE = /^(title|description|address|comment:[0-9A-HJKMNP-TV-Z]{26}|photo:[0-9A-HJKMNP-TV-Z]{26})$/;

export const redactionSchema = z
  .object({
    field: z.string().regex(REDACTABLE, 'must be title, description, address, comment:<eventId> or photo:<photoId>'),
    reason: freeText({ max: MODERATION_LIMITS.reason }),
    replacement: freeText({ max: MODERATION_LIMITS.replacement }).optional(),
  })
  .strict();
export type RedactionInput = z.infer<typeof redactionSchema>;

export const flagSchema = z
  .object({
    reason: freeText({ max: MODERATION_LIMITS.reason }),
    /** A public comment of the item, by its event id, when the flag is about that comment. */
    comment: z
      .string()
      .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be the id of a public comment on this item')
      .optional(),
  })
  .strict();
export type FlagInput = z.infer<typeof flagSchema>;

export const FLAG_RESOLUTIONS = ['keep', 'hide', 'redact'] as const;
export const resolveFlagsSchema = z
  .object({
    action: z.enum(FLAG_RESOLUTIONS, 'must be keep, hide or redact'),
    note: freeText({ max: MODERATION_LIMITS.reason, shape: 'multiline' }).optional(),
    /** With `redact`: the redaction to make. */
    redaction: redactionSchema.optional(),
  })
  .strict()
  .refine((r) => r.action !== 'redact' || r.redaction, { path: ['redaction'], message: 'a redact resolution needs the redaction to make' });
export type ResolveFlagsInput = z.infer<typeof resolveFlagsSchema>;

/** One overlay on an item's text or photo: the public sees `replacement` (or, for a photo, nothing). */
export interface Redaction {
  field: string;
  replacement: string;
  /** The internal history event that records who, why and when. */
  eventId: string;
  at: string;
}

/** The text the public sees for a field of the item: the replacement when it is redacted. */
export function redactedText<T extends string | undefined>(item: Pick<Item, 'redactions'>, field: string, text: T): T {
  if (text === undefined) return text;
  const redaction = item.redactions?.find((r) => r.field === field);
  return (redaction ? redaction.replacement : text) as T;
}

/** An event as the public may see it: a redacted comment's note replaced, and edits of a redacted field too. */
export function redactedEvent(item: Pick<Item, 'redactions'>, event: HistoryEvent): HistoryEvent {
  const comment = item.redactions?.find((r) => r.field === `comment:${event.id}`);
  let out = comment && event.note !== undefined ? { ...event, note: comment.replacement } : event;
  // A title or address edit quotes the old and new text: both go when the field is redacted.
  const edited = event.type === 'field' && event.field ? item.redactions?.find((r) => r.field === event.field) : undefined;
  if (edited)
    out = { ...out, ...(out.from !== undefined && { from: edited.replacement }), ...(out.to !== undefined && { to: edited.replacement }) };
  return out;
}

/**
 * Staff redact a field: an overlay the public sees instead, and an internal event keeping who, why and
 * when (the original stays where it was, for staff). A comment must be a public comment of the item; a
 * photo one of its photos (a photo redaction hides it).
 * @example applyRedaction(item, history, { field: 'title', reason: 'a name' }, staff, { now, eventId }).item.redactions?.[0]?.replacement // '[removed: personal information]'
 */
export function applyRedaction(
  item: Item,
  history: readonly HistoryEvent[],
  input: RedactionInput,
  actor: Actor,
  opts: { now: string; eventId: string },
): Change {
  const [kind, target] = input.field.split(':') as [string, string | undefined];
  if (kind === 'comment' && !history.some((e) => e.id === target && e.type === 'comment' && e.visibility === 'public')) {
    throw new ValidationError([{ path: 'field', message: `This report has no public comment ${target}.` }]);
  }
  if (kind === 'photo' && !item.photos?.some((p) => p.id === target)) {
    throw new ValidationError([{ path: 'field', message: `This report has no photo ${target}.` }]);
  }
  if (kind === 'address' && item.address === undefined) {
    throw new ValidationError([{ path: 'field', message: 'This report has no address to redact.' }]);
  }
  const replacement = kind === 'photo' ? '' : (input.replacement ?? DEFAULT_REPLACEMENT);
  const redaction: Redaction = { field: input.field, replacement, eventId: opts.eventId, at: opts.now };
  const next: Item = {
    ...item,
    redactions: [...(item.redactions ?? []).filter((r) => r.field !== input.field), redaction],
    version: item.version + 1,
    updatedAt: opts.now,
  };
  if (kind === 'photo') next.photos = item.photos?.map((p) => (p.id === target ? { ...p, hidden: true } : p));
  const event: HistoryEvent = {
    id: opts.eventId,
    at: opts.now,
    actor: actorRef(actor),
    type: 'redacted',
    field: input.field,
    note: input.reason,
    ...(kind === 'photo' ? {} : { to: replacement }),
    visibility: 'internal',
  };
  return { item: next, events: [event], notifications: [] };
}

/**
 * Staff hide a report or show it again (`PATCH {hidden}`, applied by applyPatch with the other edits). A
 * hidden report leaves every public list, map, queue and count, and its public routes answer 410; staff
 * still see it. Sets the flag on `next` and returns the internal event (it emails nobody), or nothing
 * when the report is already so.
 */
export function applyHidden(
  item: Item,
  next: Item,
  hidden: boolean,
  actor: Actor,
  opts: { now: string; eventId: string },
): HistoryEvent | undefined {
  if (Boolean(item.hidden) === hidden) return undefined;
  if (hidden) next.hidden = true;
  else delete next.hidden;
  return { id: opts.eventId, at: opts.now, actor: actorRef(actor), type: hidden ? 'hidden' : 'unhidden', visibility: 'internal' };
}

/** The internal event that closes a report's open flags: what was decided, by whom, on how many flags. */
export function flagResolutionEvent(
  actor: Actor,
  input: Pick<ResolveFlagsInput, 'action' | 'note'>,
  flagCount: number,
  opts: { now: string; eventId: string },
): HistoryEvent {
  return {
    id: opts.eventId,
    at: opts.now,
    actor: actorRef(actor),
    type: 'flags-resolved',
    to: input.action,
    note: `${flagCount} flag${flagCount === 1 ? '' : 's'} resolved: ${input.action}${input.note ? `. ${input.note}` : ''}`,
    visibility: 'internal',
  };
}
