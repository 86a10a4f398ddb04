import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { type Actor, requireTeam } from '../../shared/actor.js';
import { applyBillTransition, applyVote, newBill } from '../../shared/bills/changes.js';
import { type Bill, isBill, type RollCallEntry } from '../../shared/bills/model.js';
import type { BillTransitionInput, CreateBillInput, VoteInput } from '../../shared/bills/schemas.js';
import { billService } from '../../shared/bills/service.js';
import { planBillTransition, planVote } from '../../shared/bills/workflow.js';
import { getService } from '../../shared/catalog/index.js';
import { ConflictError, NotFoundError } from '../../shared/errors.js';
import type { HistoryEvent } from '../../shared/items.js';
import { isReference, newReference } from '../../shared/reference.js';
import { billNumberKey, billNumberPK, VOTE_PREFIX, voteSK } from './bill-keys.js';
import { db, tableName } from './client.js';
import { cancellationCodes } from './errors.js';
import { findItem, getItemWithHistory, insertItem, resolveItemId, type UpdateOptions, updateItem } from './items.js';
import { itemPK } from './keys.js';
import { queryAllPages } from './paginate.js';

/** Prefix of bill references created through the API; imported bills use "LS-" + the LegiScan id. */
export const BILL_REFERENCE_PREFIX = 'BL';
const BILL_NUMBER_PATTERN = /^[A-Za-z]{1,6} ?\d{1,6}[A-Za-z]?$/;
const REFERENCE_ATTEMPTS = 5;

/**
 * Resolves a bill's id, reference or number to its id. A number without a session means the latest
 * session that has it: one Query on the number's uniqueness partition, newest session first.
 */
export async function resolveBillId(idOrNumber: string): Promise<string | undefined> {
  if (isReference(idOrNumber) || !BILL_NUMBER_PATTERN.test(idOrNumber)) return resolveItemId(idOrNumber);
  const page = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': billNumberPK(idOrNumber) },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  return page.Items?.[0]?.itemId as string | undefined;
}

/** The bill named by id, reference or number, or a NotFoundError (also for an item that is not a bill). */
export async function getBill(idOrNumber: string): Promise<Bill> {
  const id = await resolveBillId(idOrNumber);
  const item = id ? await findItem(id) : undefined;
  if (!item || !isBill(item)) throw new NotFoundError(`There is no bill "${idOrNumber}".`);
  return item;
}

/** A bill with its history and the roll calls of its votes: one Query for the item and events, one for the votes. */
export async function getBillDetail(
  idOrNumber: string,
): Promise<{ bill: Bill; history: HistoryEvent[]; rollCalls: Map<string, RollCallEntry[]> }> {
  const id = await resolveBillId(idOrNumber);
  if (!id) throw new NotFoundError(`There is no bill "${idOrNumber}".`);
  const { item, history } = await getItemWithHistory(id);
  if (!isBill(item)) throw new NotFoundError(`There is no bill "${idOrNumber}".`);
  const rollCalls = new Map<string, RollCallEntry[]>();
  const pages = queryAllPages({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :v)',
    ExpressionAttributeValues: { ':pk': itemPK(item.id), ':v': VOTE_PREFIX },
  });
  for await (const page of pages) {
    for (const r of page.Items ?? []) if (Array.isArray(r.rollCall)) rollCalls.set(r.voteId as string, r.rollCall as RollCallEntry[]);
  }
  return { bill: item, history, rollCalls };
}

/**
 * Creates a bill: item, reference, "created" event and the number's uniqueness record in one
 * transaction. A number already used in the session is a ConflictError (409).
 */
export async function createBill(actor: Actor, input: CreateBillInput): Promise<{ bill: Bill; history: HistoryEvent[] }> {
  const service = billService();
  requireTeam(actor, service);
  for (let attempt = 1; ; attempt++) {
    const now = new Date().toISOString();
    const change = newBill(service, input, { id: ulid(), reference: newReference(BILL_REFERENCE_PREFIX), now, eventId: ulid() });
    const bill = change.item as Bill;
    const unique = {
      Put: {
        TableName: tableName(),
        Item: {
          ...billNumberKey(bill.number, bill.session),
          entity: 'bill-number',
          itemId: bill.id,
          number: bill.number,
          session: bill.session,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
    try {
      // The uniqueness record stays last: a failure there is recognised by its position.
      await insertItem(change, [unique]);
      return { bill, history: change.events };
    } catch (err) {
      const codes = cancellationCodes(err);
      if (!codes) throw err;
      if (codes.at(-1) === 'ConditionalCheckFailed') {
        throw new ConflictError(`Bill ${bill.number} already exists in session ${bill.session}. A bill number is unique per session.`);
      }
      if (attempt >= REFERENCE_ATTEMPTS) throw err;
      // Otherwise the random reference clashed: try another.
    }
  }
}

async function requireBillId(idOrNumber: string): Promise<string> {
  const id = await resolveBillId(idOrNumber);
  if (!id) throw new NotFoundError(`There is no bill "${idOrNumber}".`);
  return id;
}

function asBill(item: { kind: string; id: string }): Bill {
  if (!isBill(item as Bill)) throw new NotFoundError(`There is no bill "${item.id}".`);
  return item as Bill;
}

/** Moves a bill a stage (scheduling a vote when the stage is "scheduled"); event and follower emails commit with it. */
export async function transitionBill(
  idOrNumber: string,
  actor: Actor,
  input: BillTransitionInput,
  opts: UpdateOptions = {},
): Promise<Bill> {
  const id = await requireBillId(idOrNumber);
  const item = await updateItem(
    id,
    (current) => {
      const bill = asBill(current);
      const outcome = planBillTransition(actor, getService(bill.serviceCode), bill, input);
      return applyBillTransition(bill, outcome, actor, input, { now: new Date().toISOString(), eventId: ulid() });
    },
    opts,
  );
  return item as Bill;
}

/**
 * Records a vote and, if it decides the bill's stage, moves it, in one transaction: the bill, its
 * "vote" event, the follower notification and the roll-call record.
 */
export async function recordVote(idOrNumber: string, actor: Actor, input: VoteInput, opts: UpdateOptions = {}): Promise<Bill> {
  const id = await requireBillId(idOrNumber);
  const voteId = ulid();
  const at = new Date(input.at).toISOString();
  const item = await updateItem(
    id,
    (current) => {
      const bill = asBill(current);
      const decided = planVote(actor, getService(bill.serviceCode), bill, input);
      return applyVote(bill, input, decided, actor, { now: new Date().toISOString(), eventId: ulid(), voteId }).change;
    },
    {
      ...opts,
      extra: () =>
        input.rollCall
          ? [
              {
                Put: {
                  TableName: tableName(),
                  Item: { PK: itemPK(id), SK: voteSK({ at, id: voteId }), entity: 'vote', itemId: id, voteId, rollCall: input.rollCall },
                },
              },
            ]
          : [],
    },
  );
  return item as Bill;
}
