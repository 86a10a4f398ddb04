import { ulid } from 'ulid';
import { requireTeam, type StaffActor } from '../../shared/actor.js';
import { findService, getService } from '../../shared/catalog/index.js';
import { StaleVersionError, ValidationError } from '../../shared/errors.js';
import { addComment, applyTransition, type Item } from '../../shared/items.js';
import { applyPatch } from '../../shared/patch.js';
import type { CommentInput, PatchReportInput, TransitionInput } from '../../shared/schemas.js';
import { planTransition } from '../../shared/workflow.js';
import { append } from '../store/commit.js';
import { CommitError } from '../store/errors.js';
import { getItem } from '../store/items.js';
import { contended } from './contention.js';
import type { Deferred } from './input.js';
import { syncPhotoFiles } from './photo-files.js';
import { assigneeFor } from './team.js';
import { updateItem } from './update-item.js';

/** Staff move a report along its workflow: its team only; a duplicate must name another report. */
export async function transitionReport(
  actor: StaffActor,
  idOrRef: string,
  body: Deferred<TransitionInput>,
  ifMatch?: number,
): Promise<Item> {
  let duplicateOf: string | undefined;
  return updateItem(
    idOrRef,
    'report',
    async (item) => {
      const service = getService(item.serviceCode);
      requireTeam(actor, service);
      const input = body();
      if (input.duplicateOf) duplicateOf ??= await originalOf(input.duplicateOf);
      const outcome = planTransition(service, item.status, { ...input, duplicateOf }, [item.id, item.reference]);
      return { change: applyTransition(item, outcome, actor, { now: new Date().toISOString(), eventId: ulid(), note: input.note }) };
    },
    ifMatch,
  );
}

/** The report a duplicate points at (by id or reference); anything else is the caller's mistake. */
async function originalOf(idOrRef: string): Promise<string> {
  const original = await getItem(idOrRef, { kind: 'report' }).catch(() => undefined);
  if (!original) throw new ValidationError([{ path: 'duplicateOf', message: `There is no report "${idOrRef}" to be a duplicate of.` }]);
  return original.id;
}

/**
 * A public comment (emails followers) or an internal note, from the report's team. A comment depends on
 * nothing in the report but its team, so it is appended rather than decided on a version: without
 * If-Match, any number of comments at once are all stored (a lost race only waits its turn).
 */
export async function commentOnReport(actor: StaffActor, idOrRef: string, body: Deferred<CommentInput>, ifMatch?: number): Promise<Item> {
  const retry = contended();
  for (;;) {
    const item = await getItem(idOrRef, { kind: 'report', consistent: true });
    requireTeam(actor, getService(item.serviceCode));
    if (ifMatch !== undefined && ifMatch !== item.version) throw new StaleVersionError(item.version);
    const change = addComment(item, actor, body(), { now: new Date().toISOString(), eventId: ulid() });
    try {
      const answered = change.item.sla?.firstRespondedAt;
      const firstResponseAt = answered && !item.sla?.firstRespondedAt ? answered : undefined;
      await append({ change, serviceCode: item.serviceCode, expectedVersion: ifMatch, firstResponseAt });
      return await getItem(item.id, { kind: 'report', consistent: true });
    } catch (err) {
      if (!(err instanceof CommitError)) throw err;
      // Stale: the report moved to another service (authorise again) or, with If-Match, on to another version.
      await retry.pause();
    }
  }
}

/**
 * Staff edits: priority, title, pin, service (the actor must be on both teams) and assignee (one member
 * of the service's team; "me"; null unassigns).
 */
export async function patchReport(actor: StaffActor, idOrRef: string, body: Deferred<PatchReportInput>, ifMatch?: number): Promise<Item> {
  let hiding = false;
  const item = await updateItem(
    idOrRef,
    'report',
    async (item) => {
      const current = getService(item.serviceCode);
      requireTeam(actor, current);
      const input = body();
      hiding = input.hidden !== undefined;
      // An unknown serviceCode is the patch's own 400; a known one needs the actor on its team too.
      const target = input.serviceCode ? findService(input.serviceCode) : undefined;
      if (target) requireTeam(actor, target);
      const assignee = input.assignee
        ? await assigneeFor(input.assignee === 'me' ? actor.id : input.assignee, target ?? current)
        : (input.assignee as null | undefined);
      return { change: applyPatch(item, input, actor, { now: new Date().toISOString(), eventId: () => ulid(), assignee }) };
    },
    ifMatch,
  );
  // Hide or unhide: the photos' files leave (or return to) their public URLs, even when the flag was already set (a retry).
  if (hiding) await syncPhotoFiles(item);
  return item;
}
