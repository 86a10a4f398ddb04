import { Feed } from 'feed';
import type { PublicBill } from '../bills/public.js';
import { escapeHtml } from '../email/templates.js';
import type { PublicEvent, PublicItem } from '../public-view.js';

/**
 * Atom 1.0 (RFC 4287) documents built from public projections only: a field reaches a feed only if
 * `shared/public-view.ts` (or `shared/bills/public.ts`) already lets anyone see it. Titles, summaries
 * and contents are sent as `type="html"`, so every piece of user text is HTML-escaped here: a feed
 * reader shows `<b>` typed into a report as the characters, never as markup.
 */

/** Where the feed lives and what it describes: absolute URLs from the public base URL. */
export interface FeedContext {
  /** Stable feed id (a URN), independent of the host it is served from. */
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own URL (rel="self"). */
  self: string;
  /** The site page showing the same thing (rel="alternate"). */
  alternate: string;
  /** The jurisdiction's name: the feed's author, so every entry has one (RFC 4287 §4.1.1). */
  author: string;
  /** Absolute link to an item's tracking page. */
  track: (reference: string) => string;
}

/** Entry and feed ids: URNs on the item's opaque id (a ULID), so they survive a change of domain. */
export const atomIds = {
  item: (id: string) => `urn:civicboard:item:${id}`,
  event: (itemId: string, eventId: string) => `urn:civicboard:item:${itemId}:event:${eventId}`,
  feed: (name: string, params: Record<string, string | undefined> = {}) => {
    const query = Object.entries(params)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
      .join('&');
    return `urn:civicboard:feed:${name}${query ? `?${query}` : ''}`;
  },
};

/** When nothing is in the feed yet: a fixed instant, so an empty feed is byte-for-byte cacheable. */
const EPOCH = '1970-01-01T00:00:00.000Z';

function newest(times: string[]): Date {
  // ISO-8601 UTC strings sort as the times they name.
  return new Date([EPOCH, ...times].sort().at(-1) as string);
}

function newFeed(ctx: FeedContext, updated: Date): Feed {
  return new Feed({
    id: ctx.id,
    title: ctx.title,
    description: ctx.subtitle,
    updated,
    link: ctx.alternate,
    feed: ctx.self,
    author: { name: ctx.author },
    generator: false,
  });
}

const paragraphs = (lines: (string | undefined)[]) =>
  lines
    .filter((l): l is string => Boolean(l))
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('');

/**
 * Reports (or any public items) as one entry each, newest change first; an entry's `updated` is the
 * item's last change, so a reader sees it again when its status moves.
 * @example reportsAtom(items, ctx) // '<?xml version="1.0" encoding="utf-8"?><feed xmlns=…'
 */
export function reportsAtom(items: PublicItem[], ctx: FeedContext): string {
  const feed = newFeed(ctx, newest(items.map((i) => i.updatedAt)));
  for (const item of items) {
    feed.addItem({
      id: atomIds.item(item.id),
      title: escapeHtml(`${item.reference}: ${item.title} (${item.statusLabel})`),
      link: ctx.track(item.reference),
      date: new Date(item.updatedAt),
      published: new Date(item.createdAt),
      description: paragraphs([
        `${item.serviceName} · ${item.statusLabel}`,
        item.address,
        item.description,
        item.resolution && `Resolution: ${item.resolution}`,
      ]),
      category: [{ term: item.serviceCode, name: item.serviceName }],
    });
  }
  return feed.atom1();
}

/** What one public history event says, in plain words. */
export function describeEvent(event: PublicEvent): string {
  switch (event.type) {
    case 'created':
      return 'Reported';
    case 'transition':
      return `Status changed to ${event.toLabel ?? event.to ?? 'a new status'}`;
    case 'comment':
      return 'Update';
    case 'vote':
      return 'Vote recorded';
    case 'assigned':
      return 'Assigned';
    case 'field':
      return `Changed ${event.field ?? 'details'}`;
    default:
      return 'Action';
  }
}

/** A public event with the id of the stored event it projects (the projection itself carries no id). */
export interface IdentifiedEvent {
  id: string;
  event: PublicEvent;
}

/**
 * One item's public history, newest event first: one entry per public event (the projection has
 * already dropped internal ones); an entry's id is its stored event's id, so it never changes.
 */
export function itemHistoryAtom(item: PublicItem, events: IdentifiedEvent[], ctx: FeedContext): string {
  const newestFirst = [...events].reverse();
  const feed = newFeed(ctx, newest([item.updatedAt, ...events.map((e) => e.event.at)]));
  for (const { id, event } of newestFirst) {
    feed.addItem({
      id: atomIds.event(item.id, id),
      title: escapeHtml(`${item.reference}: ${describeEvent(event)}`),
      link: ctx.track(item.reference),
      date: new Date(event.at),
      description: paragraphs([
        `${describeEvent(event)} · ${event.actor}`,
        event.note,
        event.resolution && `Resolution: ${event.resolution}`,
      ]),
    });
  }
  return feed.atom1();
}

/** Bills, most recently changed first, with their stage and any scheduled vote. */
export function billsAtom(bills: PublicBill[], ctx: FeedContext): string {
  const feed = newFeed(ctx, newest(bills.map((b) => b.updatedAt)));
  for (const bill of bills) {
    feed.addItem({
      id: atomIds.item(bill.id),
      title: escapeHtml(`${bill.number}: ${bill.title} (${bill.statusLabel})`),
      link: ctx.track(bill.reference),
      date: new Date(bill.updatedAt),
      published: new Date(bill.createdAt),
      description: paragraphs([
        `${bill.session} · ${bill.currentChamber} · ${bill.statusLabel}`,
        bill.scheduledVote && `Vote scheduled in the ${bill.scheduledVote.chamber} for ${bill.scheduledVote.at}.`,
        bill.summary,
      ]),
      category: [{ term: bill.status, name: bill.statusLabel }],
    });
  }
  return feed.atom1();
}
