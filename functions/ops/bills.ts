import { ulid } from 'ulid';
import { requireTeam, type StaffActor } from '../../shared/actor.js';
import { applyBillTransition, applyVote, newBill } from '../../shared/bills/changes.js';
import type { Bill } from '../../shared/bills/model.js';
import type { BillTransitionInput, CreateBillInput, VoteInput } from '../../shared/bills/schemas.js';
import { billService } from '../../shared/bills/service.js';
import { planBillTransition, planVote } from '../../shared/bills/workflow.js';
import { ConflictError, NotFoundError } from '../../shared/errors.js';
import type { HistoryEvent } from '../../shared/items.js';
import { newReference } from '../../shared/reference.js';
import { resolveBillId } from '../store/bills.js';
import { commit } from '../store/commit.js';
import { CommitError } from '../store/errors.js';
import type { Deferred } from './input.js';
import { updateItem } from './update-item.js';

/** Prefix of bill references created through the API; imported bills use "LS-" + the LegiScan id. */
export const BILL_REFERENCE_PREFIX = 'BL';
const REFERENCE_ATTEMPTS = 5;

/**
 * Legislature staff file a bill: item, reference, "created" event and the number's claim in its session,
 * in one change set. A number already used in the session is a ConflictError (409).
 */
export async function createBill(actor: StaffActor, body: Deferred<CreateBillInput>): Promise<{ bill: Bill; history: HistoryEvent[] }> {
  const service = billService();
  requireTeam(actor, service);
  const input = body();
  for (let attempt = 1; ; attempt++) {
    const now = new Date().toISOString();
    const change = newBill(service, input, { id: ulid(), reference: newReference(BILL_REFERENCE_PREFIX), now, eventId: ulid() });
    const bill = change.item as Bill;
    try {
      await commit({ change, claimBillNumber: true });
      return { bill, history: change.events };
    } catch (err) {
      if (!(err instanceof CommitError)) throw err;
      if (err.reason === 'bill-number-taken') {
        throw new ConflictError(`Bill ${bill.number} already exists in session ${bill.session}. A bill number is unique per session.`);
      }
      // Otherwise the random reference clashed: try another.
      if (attempt >= REFERENCE_ATTEMPTS) throw err;
    }
  }
}

/** A bill's id from its id, reference or number (latest session), or a NotFoundError. */
async function billId(idOrNumber: string): Promise<string> {
  const id = await resolveBillId(idOrNumber);
  if (!id) throw new NotFoundError(`There is no bill "${idOrNumber}".`);
  return id;
}

/** Moves a bill a stage (scheduling a vote when the stage is "scheduled"); event and follower emails commit with it. */
export async function transitionBill(
  actor: StaffActor,
  idOrNumber: string,
  body: Deferred<BillTransitionInput>,
  ifMatch?: number,
): Promise<Bill> {
  const service = billService();
  requireTeam(actor, service);
  const input = body();
  const bill = await updateItem(
    await billId(idOrNumber),
    'bill',
    (current) => {
      const outcome = planBillTransition(service, current as Bill, input);
      return { change: applyBillTransition(current as Bill, outcome, actor, input, { now: new Date().toISOString(), eventId: ulid() }) };
    },
    ifMatch,
  );
  return bill as Bill;
}

/**
 * Records a vote and, if it decides the bill's stage, moves it, in one change set: the bill, its "vote"
 * event, the follower notification and the roll call.
 */
export async function recordVote(actor: StaffActor, idOrNumber: string, body: Deferred<VoteInput>, ifMatch?: number): Promise<Bill> {
  const service = billService();
  requireTeam(actor, service);
  const input = body();
  const voteId = ulid();
  const bill = await updateItem(
    await billId(idOrNumber),
    'bill',
    (current) => {
      const decided = planVote(service, current as Bill, input);
      const { change, vote } = applyVote(current as Bill, input, decided, actor, {
        now: new Date().toISOString(),
        eventId: ulid(),
        voteId,
      });
      return { change, rollCall: input.rollCall && { voteId, at: vote.at, entries: input.rollCall } };
    },
    ifMatch,
  );
  return bill as Bill;
}
