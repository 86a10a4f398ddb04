import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { type Actor, requireTeam } from '../../shared/actor.js';
import { findService, getService } from '../../shared/catalog/index.js';
import { ConflictError, ValidationError } from '../../shared/errors.js';
import { type Assignee, addComment, applyTransition, type HistoryEvent, type Item, newReport } from '../../shared/items.js';
import { applyPatch } from '../../shared/patch.js';
import { newReference } from '../../shared/reference.js';
import type { CommentInput, CreateReportInput, PatchReportInput, TransitionInput } from '../../shared/schemas.js';
import { planTransition } from '../../shared/workflow.js';
import { db, tableName } from './client.js';
import { backoff, cancellationCodes } from './errors.js';
import { getItem, getItemWithHistory, insertItem, resolveItemId, type UpdateOptions, updateItem } from './items.js';
import { idempotencyKey } from './keys.js';
import { reporterSubscriptionWrites } from './subscriptions.js';

/** Idempotency records outlive any sane client retry window, then TTL removes them. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
const CREATE_ATTEMPTS = 8;

const hashBody = (input: CreateReportInput) => createHash('sha256').update(JSON.stringify(input)).digest('hex');

/**
 * Files a citizen's report: item, reference, "created" event and acknowledgement notification in one
 * transaction. With an Idempotency-Key, a retry of the same request returns the first item; the same
 * key with a different body is a ConflictError.
 */
export async function createReport(
  input: CreateReportInput,
  key?: string,
): Promise<{ item: Item; history: HistoryEvent[]; replayed: boolean }> {
  const service = findService(input.serviceCode);
  if (!service)
    throw new ValidationError([{ path: 'serviceCode', message: `"${input.serviceCode}" is not a service; see GET /api/services.` }]);
  const bodyHash = hashBody(input);
  for (let attempt = 1; ; attempt++) {
    const now = new Date().toISOString();
    const change = newReport(service, input, { id: ulid(), reference: newReference(), now, eventId: ulid() });
    const idem = key
      ? [
          {
            Put: {
              TableName: tableName(),
              Item: {
                ...idempotencyKey(key),
                entity: 'idempotency',
                bodyHash,
                itemId: change.item.id,
                expiresAt: Math.floor(Date.now() / 1000) + IDEMPOTENCY_TTL_SECONDS,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ]
      : [];
    const email = change.item.reporterNotify ? change.item.reporter?.email : undefined;
    // The idempotency record must stay last: a failure there is recognised by its position.
    const follow = email ? reporterSubscriptionWrites(change.item.id, email, now) : [];
    try {
      await insertItem(change, [...follow, ...idem]);
      return { item: change.item, history: change.events, replayed: false };
    } catch (err) {
      const codes = cancellationCodes(err);
      if (!codes) throw err;
      const idemFailed = key !== undefined && codes.at(-1) !== 'None';
      if (idemFailed) return { ...(await replay(key, bodyHash)), replayed: true };
      if (attempt >= CREATE_ATTEMPTS) throw err;
      // Otherwise the random reference clashed with an existing one, or another create in the same
      // service held its queue counters: try again (with a new reference), after a moment for a conflict.
      if (codes.includes('TransactionConflict')) await backoff(attempt);
    }
  }
}

/** Returns the item a previous request with this key created, waiting briefly if it is still committing. */
async function replay(key: string, bodyHash: string): Promise<{ item: Item; history: HistoryEvent[] }> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const { Item: record } = await db().send(new GetCommand({ TableName: tableName(), Key: idempotencyKey(key), ConsistentRead: true }));
    if (record) {
      if (record.bodyHash !== bodyHash) {
        throw new ConflictError('This Idempotency-Key was already used with a different request body. Use a new key for a new report.');
      }
      return getItemWithHistory(record.itemId as string);
    }
    await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
  }
  throw new ConflictError('A request with this Idempotency-Key is still being processed. Retry shortly.');
}

/** Moves an item along its workflow, if the actor's team may and the workflow allows it. */
export async function transitionReport(idOrRef: string, actor: Actor, input: TransitionInput, opts: UpdateOptions = {}): Promise<Item> {
  const duplicateOf = input.duplicateOf ? await resolveDuplicate(input.duplicateOf) : undefined;
  return updateItem(
    idOrRef,
    (item) => {
      const outcome = planTransition(actor, getService(item.serviceCode), item.status, { ...input, duplicateOf }, [
        item.id,
        item.reference,
      ]);
      return applyTransition(item, outcome, actor, { now: new Date().toISOString(), eventId: ulid(), note: input.note });
    },
    opts,
  );
}

async function resolveDuplicate(idOrRef: string): Promise<string> {
  const id = await resolveItemId(idOrRef);
  const original = id ? await getItem(id).catch(() => undefined) : undefined;
  if (!original) throw new ValidationError([{ path: 'duplicateOf', message: `There is no item "${idOrRef}" to be a duplicate of.` }]);
  return original.id;
}

/** Adds a public or internal comment from staff. */
export async function commentOnReport(idOrRef: string, actor: Actor, input: CommentInput, opts: UpdateOptions = {}): Promise<Item> {
  return updateItem(
    idOrRef,
    (item) => {
      requireTeam(actor, getService(item.serviceCode));
      return addComment(item, actor, input, { now: new Date().toISOString(), eventId: ulid() });
    },
    opts,
  );
}

/** Staff edits: priority, assignee, service, title, pin. */
export async function patchReport(
  idOrRef: string,
  actor: Actor,
  input: PatchReportInput,
  assignee: Assignee | null | undefined,
  opts: UpdateOptions = {},
): Promise<Item> {
  return updateItem(
    idOrRef,
    (item) => {
      requireTeam(actor, getService(item.serviceCode));
      return applyPatch(item, input, actor, { now: new Date().toISOString(), eventId: () => ulid(), assignee });
    },
    opts,
  );
}
