import { translator } from '../i18n/board.js';
import type { Translator } from '../i18n/translator.js';

/**
 * Email content: short, plain, accessible, the same facts in text and HTML. Pure functions; every
 * piece of user text is escaped in the HTML part. Links are absolute, built by the caller from config.
 * Every sentence comes from the `email` message catalog in the recipient's language (`tr`, the
 * default language when not given): ICU messages with arguments, never translated parts glued together.
 */
export interface Email {
  subject: string;
  text: string;
  html: string;
}

export interface ItemFacts {
  reference: string;
  title: string;
  serviceName: string;
  statusLabel: string;
  trackUrl: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export function layout(
  title: string,
  paragraphs: string[],
  links: { label: string; url: string }[],
  footer?: { label: string; url: string },
  lang: string = translator().lang,
): Email {
  const text = [
    ...paragraphs,
    '',
    ...links.map((l) => `${l.label}: ${l.url}`),
    ...(footer ? ['', `${footer.label}: ${footer.url}`] : []),
  ].join('\n');
  const html = [
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>`,
    escapeHtml(title),
    '</title></head><body style="font-family:sans-serif;line-height:1.5;max-width:40em">',
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...links.map((l) => `<p><a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a></p>`),
    footer ? `<hr><p style="font-size:small"><a href="${escapeHtml(footer.url)}">${escapeHtml(footer.label)}</a></p>` : '',
    '</body></html>',
  ].join('');
  return { subject: title, text, html };
}

/**
 * What an email to an address nobody has confirmed may say about an item: the service and the
 * reference, which the board chose, never text the requester typed (a title such as "Your council tax
 * refund: claim at https://…" would go out from the council's address to whomever they named).
 */
export type UnconfirmedFacts = Pick<ItemFacts, 'reference' | 'serviceName' | 'trackUrl'>;

/**
 * The acknowledgement a reporter gets when their report is filed. Anyone can type any address into a
 * report, so it quotes nothing from the report.
 * @example acknowledgement(facts, unsubscribeUrl).subject // 'We received your report RF-1234567'
 */
export function acknowledgement(item: UnconfirmedFacts, unsubscribeUrl?: string, tr: Translator = translator()): Email {
  const { reference } = item;
  return layout(
    tr.t('email.ack.subject', { reference }),
    [
      tr.t('email.ack.thanks', { service: item.serviceName.toLocaleLowerCase(tr.locale), reference }),
      tr.t('email.ack.quote'),
      ...(unsubscribeUrl ? [tr.t('email.ack.will_email')] : []),
    ],
    [{ label: tr.t('email.ack.track'), url: item.trackUrl }],
    unsubscribeUrl ? { label: tr.t('email.ack.stop'), url: unsubscribeUrl } : undefined,
    tr.lang,
  );
}

/** The update a follower gets on a staff transition or public comment. */
export function update(
  item: ItemFacts,
  change: { kind: 'status' | 'comment'; note?: string },
  unsubscribeUrl: string,
  tr: Translator = translator(),
): Email {
  const values = { reference: item.reference, title: item.title, status: item.statusLabel };
  return layout(
    tr.t(change.kind === 'status' ? 'email.update.subject.status' : 'email.update.subject.comment', values),
    [
      tr.t(change.kind === 'status' ? 'email.update.status' : 'email.update.comment', values),
      ...(change.note ? [tr.t('email.update.note', { note: change.note })] : []),
    ],
    [{ label: tr.t('email.update.history'), url: item.trackUrl }],
    { label: tr.t('email.update.stop'), url: unsubscribeUrl },
    tr.lang,
  );
}

/** A vote or stage change on a bill, with the counts. */
export function billUpdate(item: ItemFacts, note: string | undefined, unsubscribeUrl: string, tr: Translator = translator()): Email {
  const values = { reference: item.reference, title: item.title, status: item.statusLabel };
  return layout(
    tr.t('email.update.subject.status', values),
    [tr.t('email.update.status', values), ...(note ? [note] : [])],
    [{ label: tr.t('email.bill.see'), url: item.trackUrl }],
    { label: tr.t('email.bill.stop'), url: unsubscribeUrl },
    tr.lang,
  );
}

/** The email an office member who opted in gets when a bill on the office's watchlist moves or is voted on. */
export function watchAlert(item: ItemFacts, note: string | undefined, staffUrl: string, tr: Translator = translator()): Email {
  const values = { reference: item.reference, title: item.title, status: item.statusLabel };
  return layout(
    tr.t('email.watch.subject', values),
    [tr.t('email.watch.status', values), ...(note ? [note] : [])],
    [{ label: tr.t('email.staff.open'), url: staffUrl }],
    undefined,
    tr.lang,
  );
}

/** The note to a staff member that an item is now theirs. */
export function assignment(item: ItemFacts, staffUrl: string, tr: Translator = translator()): Email {
  const values = { service: item.serviceName, reference: item.reference, title: item.title, status: item.statusLabel };
  return layout(
    tr.t('email.assignment.subject', values),
    [tr.t('email.assignment.body', values)],
    [{ label: tr.t('email.staff.open'), url: staffUrl }],
    undefined,
    tr.lang,
  );
}

/** The note to a service's team that an item's promise is at risk or broken (escalation). */
export function escalation(
  item: ItemFacts,
  level: 'at_risk' | 'breached',
  dueAt: string,
  staffUrl: string,
  tr: Translator = translator(),
): Email {
  const values = { level, service: item.serviceName, reference: item.reference, title: item.title, status: item.statusLabel, due: dueAt };
  return layout(
    tr.t('email.escalation.subject', values),
    [tr.t('email.escalation.body', values)],
    [{ label: tr.t('email.staff.open'), url: staffUrl }],
    undefined,
    tr.lang,
  );
}

/**
 * The double opt-in: nothing is sent to a follower until they click this. Anyone can ask for any
 * address, so it quotes nothing from the item (a report's title is whatever its reporter typed).
 */
export function confirmation(item: UnconfirmedFacts, confirmUrl: string, tr: Translator = translator()): Email {
  const values = { reference: item.reference, service: item.serviceName };
  return layout(
    tr.t('email.confirm.subject', values),
    [tr.t('email.confirm.asked', values), tr.t('email.confirm.within')],
    [
      { label: tr.t('email.confirm.button'), url: confirmUrl },
      { label: tr.t('email.confirm.see'), url: item.trackUrl },
    ],
    undefined,
    tr.lang,
  );
}
