import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import { findService } from '../../shared/catalog/index.js';
import { ConflictError, ValidationError } from '../../shared/errors.js';
import { type ActorRef, type Change, type HistoryEvent, type Item, newReport } from '../../shared/items.js';
import { newReference } from '../../shared/reference.js';
import type { CreateReportInput } from '../../shared/schemas.js';
import { commit } from '../store/commit.js';
import { CommitError } from '../store/errors.js';
import { findIdempotentCreate, getItemWithHistory } from '../store/items.js';
import { takeMailAllowance } from '../store/limits.js';
import { queuePosition } from '../store/queue-counts.js';
import { contended } from './contention.js';
import { limitClient } from './limits.js';
import { checkPhotos, photoTaken } from './upload-photo.js';

/** Random references clashing this often means something else is wrong: stop rather than loop. */
const REFERENCE_CLASHES = 8;

export interface CreatedReport {
  item: Item;
  history: HistoryEvent[];
  queuePosition?: number;
  /** The same Idempotency-Key and body came before: this is the first request's report. */
  replayed: boolean;
}

const hashBody = (input: CreateReportInput) => createHash('sha256').update(JSON.stringify(input)).digest('hex');

/**
 * A machine client (an Open311 API key): its name is the actor of the ticket, its own rate replaces
 * the per-client limit, and a repeated Idempotency-Key returns the first report whatever the body.
 */
export interface MachineClient {
  actor: ActorRef;
  limit: () => Promise<void>;
  /** A picture link the client published with the ticket (Open311 `media_url`), already validated. */
  mediaUrl?: string;
}

const byActor = (change: Change, by?: MachineClient): Change =>
  by
    ? {
        ...change,
        item: by.mediaUrl ? { ...change.item, mediaUrl: by.mediaUrl } : change.item,
        events: change.events.map((e) => ({ ...e, actor: by.actor })),
      }
    : change;

/**
 * The same report without its acknowledgement (no address, or the address has had its share of
 * unconfirmed email): `report.filed` still tells the notifier a report is new, for alerts only.
 */
const unacknowledged = (change: Change): Change => ({
  ...change,
  notifications: change.notifications.map((n) => (n === 'report.created' ? 'report.filed' : n)),
});

/**
 * A citizen files a report: the item, its reference, its "created" event, the acknowledgement and (when
 * they asked for updates) the reporter as a follower, in one change set. With an Idempotency-Key a retry
 * of the same request returns the first report; the same key with another body is a ConflictError.
 *
 * Anti-automation (docs/limits.md): a valid request counts against its client's report limits (429 over
 * them); the acknowledgement counts against the address's email limit, and over that the report is still
 * filed, with neither acknowledgement nor follow, since nobody has shown the address is theirs.
 */
export async function createReport(
  input: CreateReportInput,
  idempotencyKey: string | undefined,
  sourceIp: string,
  by: MachineClient | undefined = undefined,
  language: string | undefined = undefined,
): Promise<CreatedReport> {
  const service = findService(input.serviceCode);
  if (!service) {
    throw new ValidationError([{ path: 'serviceCode', message: `"${input.serviceCode}" is not a service; see GET /api/services.` }]);
  }
  const bodyHash = by ? 'machine' : hashBody(input);
  const plan = () =>
    byActor(newReport(service, input, { id: ulid(), reference: newReference(), now: new Date().toISOString(), eventId: ulid() }), by);
  const { item: planned } = plan(); // a request the domain refuses (400) is not counted against anyone
  // A retry of a report already filed is answered from the first one, whatever the limits say now.
  if (idempotencyKey && (await findIdempotentCreate(idempotencyKey))) return replay(idempotencyKey, bodyHash);
  const photos = await checkPhotos(planned.photos);
  await (by ? by.limit() : limitClient('report', sourceIp));
  const email = input.reporter?.email;
  const mayEmail = email !== undefined && (await takeMailAllowance(email));
  const retry = contended();
  for (let clashes = 0; ; ) {
    const planned = plan();
    const change = mayEmail ? planned : unacknowledged(planned);
    // The reporter's language (the request's): their acknowledgement and updates are written in it.
    if (email !== undefined && language) change.item.reporterLanguage = language;
    const follow = mayEmail && change.item.reporterNotify ? email : undefined;
    try {
      await commit({
        change,
        reporterFollow: follow ? { email: follow, language } : undefined,
        // A machine client's key (its external_id) names its request for as long as the request exists.
        idempotency: idempotencyKey ? { key: idempotencyKey, bodyHash, permanent: by !== undefined } : undefined,
        claimUploads: photos,
      });
      return {
        item: change.item,
        history: change.events,
        queuePosition: await queuePosition(change.item, { justFiled: true }),
        replayed: false,
      };
    } catch (err) {
      if (!(err instanceof CommitError)) throw err;
      if (err.reason === 'idempotency-key-used' && idempotencyKey) return replay(idempotencyKey, bodyHash);
      if (err.reason === 'upload-unavailable') throw photoTaken();
      // Another transaction held a record this one writes (rare: a create shares none with another): wait its turn (503 past the budget).
      if (err.reason === 'contention') await retry.pause();
      // The random reference clashed with another report's: try a new one (seven digits: a handful at most).
      else if (++clashes >= REFERENCE_CLASHES) throw err;
    }
  }
}

/** The report a previous request with this key created, waiting briefly if it is still committing. */
async function replay(key: string, bodyHash: string): Promise<CreatedReport> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const first = await findIdempotentCreate(key);
    if (first) {
      if (first.bodyHash !== bodyHash) {
        throw new ConflictError('This Idempotency-Key was already used with a different request body. Use a new key for a new report.');
      }
      const { item, history } = await getItemWithHistory(first.itemId);
      return { item, history, queuePosition: await queuePosition(item, { justFiled: true }), replayed: true };
    }
    await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
  }
  throw new ConflictError('A request with this Idempotency-Key is still being processed. Retry shortly.');
}
