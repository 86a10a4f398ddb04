import { inject } from 'vitest';

export interface Mail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text: string; html?: string };
}

/** Everything the SES emulator has received for one address. */
export async function mailTo(address: string, mailboxUrl = inject('mailboxUrl')): Promise<Mail[]> {
  const res = await fetch(`${mailboxUrl}/store`);
  const { emails } = (await res.json()) as { emails: Mail[] };
  return emails.filter((e) => e.destination.to.some((to) => to.includes(address)));
}

/**
 * Waits until `address` has at least `count` emails, then a little longer so that a duplicate, had
 * one been sent, would show up too. Returns what arrived.
 */
export async function settledMail(
  address: string,
  count: number,
  opts: { mailboxUrl?: string; timeoutMs?: number; settleMs?: number } = {},
): Promise<Mail[]> {
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  let mail = await mailTo(address, opts.mailboxUrl);
  while (mail.length < count && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 150));
    mail = await mailTo(address, opts.mailboxUrl);
  }
  await new Promise((r) => setTimeout(r, opts.settleMs ?? 1200));
  return mailTo(address, opts.mailboxUrl);
}

/** A fresh address per test so counts never mix. */
export const uniqueAddress = (tag: string) => `${tag}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.org`;

/** The first link in an email's text that contains `fragment`. */
export function linkIn(mail: Mail, fragment: string): string {
  const link = mail.body.text.match(/https?:\/\/\S+/g)?.find((l) => l.includes(fragment));
  if (!link) throw new Error(`no ${fragment} link in "${mail.subject}"`);
  return link;
}
