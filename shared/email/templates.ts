/**
 * Email content: short, plain, accessible, the same facts in text and HTML. Pure functions; every
 * piece of user text is escaped in the HTML part. Links are absolute, built by the caller from config.
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
): Email {
  const text = [
    ...paragraphs,
    '',
    ...links.map((l) => `${l.label}: ${l.url}`),
    ...(footer ? ['', `${footer.label}: ${footer.url}`] : []),
  ].join('\n');
  const html = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>',
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
export function acknowledgement(item: UnconfirmedFacts, unsubscribeUrl?: string): Email {
  return layout(
    `We received your report ${item.reference}`,
    [
      `Thank you. Your ${item.serviceName.toLowerCase()} report has the reference ${item.reference}.`,
      'Quote the reference if you contact us about it. You can follow its progress on its tracking page.',
      ...(unsubscribeUrl ? ['We will email you when its status changes.'] : []),
    ],
    [{ label: 'Track your report', url: item.trackUrl }],
    unsubscribeUrl ? { label: 'Stop emails about this report', url: unsubscribeUrl } : undefined,
  );
}

/** The update a follower gets on a staff transition or public comment. */
export function update(item: ItemFacts, change: { kind: 'status' | 'comment'; note?: string }, unsubscribeUrl: string): Email {
  const head =
    change.kind === 'status'
      ? `${item.reference} "${item.title}" is now: ${item.statusLabel}.`
      : `There is a new update on ${item.reference} "${item.title}" (status: ${item.statusLabel}).`;
  return layout(
    change.kind === 'status' ? `${item.reference}: ${item.statusLabel}` : `${item.reference}: new update`,
    [head, ...(change.note ? [`Note from the team: ${change.note}`] : [])],
    [{ label: 'See the full history', url: item.trackUrl }],
    { label: 'Stop emails about this item', url: unsubscribeUrl },
  );
}

/** A vote or stage change on a bill, with the counts. */
export function billUpdate(item: ItemFacts, note: string | undefined, unsubscribeUrl: string): Email {
  return layout(
    `${item.reference}: ${item.statusLabel}`,
    [`${item.reference} "${item.title}" is now: ${item.statusLabel}.`, ...(note ? [note] : [])],
    [{ label: 'See the bill', url: item.trackUrl }],
    { label: 'Stop emails about this bill', url: unsubscribeUrl },
  );
}

/** The email an office member who opted in gets when a bill on the office's watchlist moves or is voted on. */
export function watchAlert(item: ItemFacts, note: string | undefined, staffUrl: string): Email {
  return layout(
    `Watched bill ${item.reference}: ${item.statusLabel}`,
    [`${item.reference} "${item.title}", on your office's watchlist, is now: ${item.statusLabel}.`, ...(note ? [note] : [])],
    [{ label: 'Open it in the staff console', url: staffUrl }],
  );
}

/** The note to a staff member that an item is now theirs. */
export function assignment(item: ItemFacts, staffUrl: string): Email {
  return layout(
    `Assigned to you: ${item.reference}`,
    [`${item.serviceName} ${item.reference} "${item.title}" (${item.statusLabel}) is now assigned to you.`],
    [{ label: 'Open it in the staff console', url: staffUrl }],
  );
}

/** The note to a service's team that an item's promise is at risk or broken (escalation). */
export function escalation(item: ItemFacts, level: 'at_risk' | 'breached', dueAt: string, staffUrl: string): Email {
  const what = level === 'breached' ? 'is past its due time' : 'has used three quarters of its time';
  return layout(
    `${level === 'breached' ? 'Overdue' : 'At risk'}: ${item.reference}`,
    [`${item.serviceName} ${item.reference} "${item.title}" (${item.statusLabel}) ${what}: it was due by ${dueAt}.`],
    [{ label: 'Open it in the staff console', url: staffUrl }],
  );
}

/**
 * The double opt-in: nothing is sent to a follower until they click this. Anyone can ask for any
 * address, so it quotes nothing from the item (a report's title is whatever its reporter typed).
 */
export function confirmation(item: UnconfirmedFacts, confirmUrl: string): Email {
  return layout(
    `Confirm updates for ${item.reference}`,
    [
      `Someone (we hope you) asked for email updates on ${item.serviceName} ${item.reference}.`,
      'Confirm within 7 days to start receiving them. If it was not you, ignore this email and you will hear nothing more.',
    ],
    [
      { label: 'Confirm email updates', url: confirmUrl },
      { label: 'See the item', url: item.trackUrl },
    ],
  );
}
