/**
 * The shapes the HTTP API answers with, for its clients (the site, tests), derived from the domain
 * types so that a field added to the domain shows up here, and a renamed one breaks the client's build
 * instead of its page. Types only: importing this file adds nothing to a bundle.
 */
import type { Bill } from './bills/model.js';
import type { Phase, Service, WorkflowState } from './catalog/index.js';
import type { Assignee, HistoryEvent, Item } from './items.js';
import type { EscalationLevel, PublicSla } from './sla/index.js';

export type { Chamber, RollCallEntry } from './bills/model.js';
export type { CommitteePage, MemberPage } from './bills/people.js';
export type { PublicBill, PublicVote } from './bills/public.js';
export type { Phase } from './catalog/index.js';
export type { HistoryEvent } from './items.js';
export type { PublicEvent, PublicItem } from './public-view.js';
export type { Priority } from './queue.js';
export type { PublicSla, SlaState, Stats, StatsPeriod } from './sla/index.js';

/** A service as `GET /api/services` lists it: the catalog entry with its workflow resolved. */
export type ServiceView = Omit<Service, 'workflowId'>;

/** A stage of the bill workflow (a workflow state; bills' states name their chamber side). */
export type BillState = WorkflowState;

/** A page of a cursor-paged list. */
export interface ListPage<T> {
  items: T[];
  nextCursor?: string;
}

/** One entry of `GET /api/queues/{service}`: a waiting report and its place in the queue. */
export interface QueueEntry extends Pick<Item, 'id' | 'reference' | 'title' | 'priority' | 'status' | 'createdAt'> {
  position: number;
  statusLabel: string;
}

/** A move the workflow allows from an item's current state, as staff views list it. */
export interface StaffTransition {
  to: string;
  label: string;
  toLabel: string;
  phase: Phase;
  resolutions?: string[];
}

/** What every staff view of an item adds to the stored item: labels, allowed moves, full history. */
interface StaffView {
  serviceName: string;
  statusLabel: string;
  transitions: StaffTransition[];
  /** Every event, internal ones included (only when one item is fetched). */
  history?: HistoryEvent[];
}

/** A report as `GET /api/staff/reports[/{id}]` answers: every stored field, reporter contact included. */
export interface StaffItem extends Omit<Item, 'sla'>, StaffView {
  queuePosition?: number;
  /** The promise as the public sees it, plus the last level the team was emailed about. */
  sla?: PublicSla & { escalated?: EscalationLevel };
}

/** The caller's office's watchlist entry for a bill. */
export interface WatchNote {
  office: string;
  note: string;
  updatedAt: string;
  /** Every version of the note, newest first: what it said, who wrote it, when. */
  history?: { note: string; at: string; by: { id: string; name: string } }[];
}

/**
 * A bill as `GET /api/staff/bills/{id}` answers: the stored bill (votes without roll calls), the
 * chamber it is before now, and the caller's office note when it tracks the bill.
 */
export interface StaffBill extends Bill, StaffView {
  currentChamber: Bill['chamber'];
  watch?: WatchNote;
}

/** Someone who may own a service's items, as `GET /api/staff/services/{code}/members` lists them. */
export interface Member extends Assignee {
  groups: string[];
}
