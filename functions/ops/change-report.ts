import { ulid } from 'ulid';
import { requireTeam, type StaffActor } from '../../shared/actor.js';
import { findService, getService } from '../../shared/catalog/index.js';
import { ValidationError } from '../../shared/errors.js';
import { addComment, applyTransition, type Item } from '../../shared/items.js';
import { applyPatch } from '../../shared/patch.js';
import type { CommentInput, PatchReportInput, TransitionInput } from '../../shared/schemas.js';
import { planTransition } from '../../shared/workflow.js';
import { resolveAssignee } from '../directory/team.js';
import { getItem } from '../store/items.js';
import { updateItem } from './update-item.js';

/** Staff move a report along its workflow: its team only; a duplicate must name another report. */
export async function transitionReport(actor: StaffActor, idOrRef: string, input: TransitionInput, ifMatch?: number): Promise<Item> {
  const duplicateOf = input.duplicateOf ? await originalOf(input.duplicateOf) : undefined;
  return updateItem(
    idOrRef,
    'report',
    (item) => {
      const service = getService(item.serviceCode);
      requireTeam(actor, service);
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

/** A public comment (emails followers) or an internal note, from the report's team. */
export async function commentOnReport(actor: StaffActor, idOrRef: string, input: CommentInput, ifMatch?: number): Promise<Item> {
  return updateItem(
    idOrRef,
    'report',
    (item) => {
      requireTeam(actor, getService(item.serviceCode));
      return { change: addComment(item, actor, input, { now: new Date().toISOString(), eventId: ulid() }) };
    },
    ifMatch,
  );
}

/**
 * Staff edits: priority, title, pin, service (the actor must be on both teams) and assignee (one member
 * of the service's team; "me"; null unassigns).
 */
export async function patchReport(actor: StaffActor, idOrRef: string, input: PatchReportInput, ifMatch?: number): Promise<Item> {
  return updateItem(
    idOrRef,
    'report',
    async (item) => {
      const current = getService(item.serviceCode);
      requireTeam(actor, current);
      // An unknown serviceCode is the patch's own 400; a known one needs the actor on its team too.
      const target = input.serviceCode ? findService(input.serviceCode) : undefined;
      if (target) requireTeam(actor, target);
      const assignee = input.assignee
        ? await resolveAssignee(input.assignee === 'me' ? actor.id : input.assignee, target ?? current)
        : (input.assignee as null | undefined);
      return { change: applyPatch(item, input, actor, { now: new Date().toISOString(), eventId: () => ulid(), assignee }) };
    },
    ifMatch,
  );
}
