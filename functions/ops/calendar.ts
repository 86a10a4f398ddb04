import type { Bill } from '../../shared/bills/model.js';
import { billService } from '../../shared/bills/service.js';
import { catalog } from '../../shared/catalog/index.js';
import { type VoteSlot, voteSlots, votesCalendar } from '../../shared/feeds/calendar.js';
import type { VotesCalendarQuery } from '../../shared/feeds/schemas.js';
import { config } from '../lib/env.js';
import { getItemWithHistory } from '../store/items.js';
import { billDetail, listBills } from './read-bills.js';

/**
 * The votes calendar: each bill's vote slots read from its own history (docs/notifications.md). The
 * whole-board calendar covers the bills on the agenda plus the most recently changed ones (where a
 * vote was just moved or cancelled), each read by key: a bounded number of Queries, never a scan.
 */
const CALENDAR_BILLS = 50;

const base = () => config().publicBaseUrl;
const track = (reference: string) => `${base()}/track/?id=${encodeURIComponent(reference)}`;
const uidDomain = 'votes.civicboard';

async function slotsOf(id: string): Promise<VoteSlot[]> {
  const { item, history } = await getItemWithHistory(id, 'bill');
  return voteSlots(item as Bill, history, billService().workflow);
}

/**
 * Every bill's vote slots worth showing: on the agenda now, or changed lately. With a session, the
 * session's agenda and its first bills instead, so a busy import in another session (many bills changed
 * at once) cannot push an office's session off its calendar.
 */
export async function boardVotesCalendar({ session }: VotesCalendarQuery = {}): Promise<string> {
  const [agenda, recent] = await Promise.all([
    listBills({ upForVote: 'true', session, limit: CALENDAR_BILLS }),
    listBills({ session, limit: CALENDAR_BILLS }),
  ]);
  const ids = [...new Set([...agenda.items, ...recent.items].map((b) => b.id))];
  const slots = (await Promise.all(ids.map(slotsOf))).flat().sort((a, b) => a.at.localeCompare(b.at) || a.uid.localeCompare(b.uid));
  const url = `${base()}/api/bills/calendar.ics${session ? `?session=${encodeURIComponent(session)}` : ''}`;
  const name = `${catalog.jurisdiction.name}: votes${session ? ` (${session})` : ''}`;
  return votesCalendar(slots, { name, url, uidDomain, track });
}

/** One bill's vote slots (id, reference or number). */
export async function billVotesCalendar(idOrNumber: string): Promise<string> {
  // By id, reference or number, as the bill's own page is (a bill number names the latest session's).
  const { bill, history } = await billDetail(idOrNumber);
  const slots = voteSlots(bill, history, billService().workflow);
  return votesCalendar(slots, {
    name: `${catalog.jurisdiction.name}: ${bill.number} votes`,
    url: `${base()}/api/bills/${encodeURIComponent(idOrNumber)}/calendar.ics`,
    uidDomain,
    track,
  });
}
