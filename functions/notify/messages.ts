import { getService } from '../../shared/catalog/index.js';
import * as templates from '../../shared/email/templates.js';
import { defaultLanguage, isOffered, translator } from '../../shared/i18n/board.js';
import type { Item } from '../../shared/items.js';
import { redactedEvent, redactedText } from '../../shared/moderation.js';
import { statusLabel } from '../../shared/public-view.js';
import { findStaffMember } from '../directory/cognito.js';
import { listTeamMembers } from '../directory/team.js';
import { type Notification, notificationContext } from '../store/notifications.js';
import { alertConfirmationMessages, queueAlertMatches } from './alert-messages.js';
import { links } from './links.js';
import { watchAlerts } from './office-alerts.js';

/** One email to send: who, what, and the one-click unsubscribe link if it has one. */
export interface Message {
  to: string;
  email: templates.Email;
  unsubscribeUrl?: string;
}

/**
 * The language a stored choice asks for: a follower's, an alert's or a reporter's `language`, kept when
 * they asked (docs/i18n.md); the default for records from before languages, or one no longer offered.
 */
export const languageOf = (stored: unknown): string => (isOffered(stored) ? stored : defaultLanguage);

/** What an email says about an item, in `lang`: the council's words for the service and the status, the site's page in that language. */
export function facts(item: Item, status = item.status, lang: string = defaultLanguage): templates.ItemFacts {
  const service = getService(item.serviceCode);
  const tr = translator(lang);
  return {
    reference: item.reference,
    title: redactedText(item, 'title', item.title),
    serviceName: tr.text(`service.${service.code}.name`, service.name),
    statusLabel: tr.text(`workflow.${service.workflowId}.state.${status}`, statusLabel(service, status)),
    trackUrl: links.track(item.reference, tr.lang),
  };
}

/**
 * The item's facts per language, each worked out once: a notification's followers (or an alert fan-out's
 * matches) in one language share them. `known` is the default language's, already worked out.
 */
export function factsPerLanguage(item: Item, status: string, known?: templates.ItemFacts): (lang: string) => templates.ItemFacts {
  const byLanguage = new Map<string, templates.ItemFacts>(known ? [[defaultLanguage, known]] : []);
  return (lang) => {
    let found = byLanguage.get(lang);
    if (!found) {
      found = facts(item, status, lang);
      byLanguage.set(lang, found);
    }
    return found;
  };
}

/** The facts an email to an unconfirmed address may carry: no title, which a citizen may have typed. */
function unconfirmedFacts(item: Item, lang?: string): templates.UnconfirmedFacts {
  const { reference, serviceName, trackUrl } = facts(item, item.status, lang);
  return { reference, serviceName, trackUrl };
}

/**
 * Works out the emails a notification causes, from the item, event and followers as they are at send
 * time. Internal events never produce a public email, whatever record asked for it. The alerts a report
 * matches are queued here (queueAlertMatches), not returned: the alert sender mails them at the SES rate.
 */
export async function messagesFor(n: Notification): Promise<Message[]> {
  // An alert's confirmation is about the alert, not an item (functions/notify/alert-messages.ts).
  if (n.kind === 'alert.requested') return alertConfirmationMessages(n);
  const context = await notificationContext(n);
  if (!context) return [];
  const { item, event, followers, subscription } = context;
  switch (n.kind) {
    case 'report.created': {
      const email = item.reporter?.email;
      await queueAlertMatches(n, item, facts(item), 'new', undefined);
      if (!email) return [];
      const unsubscribeUrl = subscription ? links.unsubscribe(subscription.unsubscribeToken) : undefined;
      const lang = languageOf(item.reporterLanguage);
      return [
        { to: email, email: templates.acknowledgement(unconfirmedFacts(item, lang), unsubscribeUrl, translator(lang)), unsubscribeUrl },
      ];
    }
    case 'item.updated': {
      // Nothing the council removed is ever emailed: no update for a hidden report, redacted text replaced.
      if (event?.visibility !== 'public' || item.hidden) return [];
      // A bill's vote event names the stage it left (from) and, if it moved the bill, the one it entered (to).
      const stage = event.type === 'vote' ? (event.to ?? event.from) : event.type === 'transition' ? event.to : undefined;
      const itemFacts = facts(item, stage ?? item.status);
      await queueAlertMatches(n, item, itemFacts, 'updated', event, followers);
      // Each follower in the language they followed in.
      const factsIn = factsPerLanguage(item, stage ?? item.status, itemFacts);
      const toFollowers = (followers ?? []).map((sub) => {
        const unsubscribeUrl = links.unsubscribe(sub.unsubscribeToken);
        const lang = languageOf(sub.language);
        const email =
          item.kind === 'bill'
            ? templates.billUpdate(factsIn(lang), event.note, unsubscribeUrl, translator(lang))
            : templates.update(
                factsIn(lang),
                { kind: event.type === 'comment' ? 'comment' : 'status', note: redactedEvent(item, event).note },
                unsubscribeUrl,
                translator(lang),
              );
        return { to: sub.email, email, unsubscribeUrl };
      });
      return [...toFollowers, ...(await watchAlerts(item, event, itemFacts))];
    }
    case 'report.filed':
      // A new report with nobody to acknowledge: only alerts hear of it.
      await queueAlertMatches(n, item, facts(item), 'new', undefined);
      return [];
    case 'item.assigned': {
      const member = item.assignee ? await findStaffMember(item.assignee.id) : undefined;
      return member?.email ? [{ to: member.email, email: templates.assignment(facts(item), links.staff(item.id)) }] : [];
    }
    case 'sla.escalated': {
      // The event (internal) names the level reached; every member of the service's teams is told once.
      if (event?.to !== 'at_risk' && event?.to !== 'breached') return [];
      const level = event.to;
      const due = event.note ?? '';
      const members = await listTeamMembers(getService(item.serviceCode));
      const unique = [...new Set(members.map((m) => m.email).filter((e): e is string => !!e))];
      return unique.map((to) => ({ to, email: templates.escalation(facts(item), level, due, links.staff(item.id)) }));
    }
    case 'subscription.requested': {
      if (subscription?.status !== 'pending' || !subscription.confirmToken) return [];
      const lang = languageOf(subscription.language);
      const email = templates.confirmation(unconfirmedFacts(item, lang), links.confirm(subscription.confirmToken), translator(lang));
      return [{ to: subscription.email, email }];
    }
    default:
      return [];
  }
}
