import * as templates from '../../shared/email/templates.js';
import type { HistoryEvent, Item } from '../../shared/items.js';
import { findStaffMember } from '../directory/cognito.js';
import { alertMembers, watchingOffices } from '../store/watchlist.js';
import { links } from './links.js';
import type { Message } from './messages.js';

/**
 * The watchlist alerts a bill's public stage change or vote causes: one email to each member, of each
 * office watching the bill, who opted in (PUT /api/staff/watchlist-alerts) and still belongs to that
 * office (checked in the directory at send time, so leaving the office stops them). One email per
 * address even when two of their offices watch the bill. The office's note is never in it.
 */
export async function watchAlerts(item: Item, event: HistoryEvent, facts: templates.ItemFacts): Promise<Message[]> {
  if (item.kind !== 'bill' || event.visibility !== 'public' || (event.type !== 'transition' && event.type !== 'vote')) return [];
  const sent = new Map<string, Message>();
  for (const office of await watchingOffices(item.id)) {
    for (const userId of await alertMembers(office)) {
      const member = await findStaffMember(userId);
      if (!member?.email || !member.groups.includes(office) || sent.has(member.email)) continue;
      sent.set(member.email, { to: member.email, email: templates.watchAlert(facts, event.note, links.staff(item.id)) });
    }
  }
  return [...sent.values()];
}
