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
 * Polls until what `address` has received satisfies `done`, and returns it. It never waits after that:
 * an absence is proved with {@link drainItemMail}, not by waiting a while. Throws on timeout with what
 * did arrive, so a missing email fails the test instead of passing it.
 */
export async function mailWhen(
  address: string,
  done: (mail: Mail[]) => boolean,
  opts: { mailboxUrl?: string; timeoutMs?: number } = {},
): Promise<Mail[]> {
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  let mail = await mailTo(address, opts.mailboxUrl);
  while (!done(mail)) {
    if (Date.now() > deadline) throw new Error(`mail to ${address} never arrived; got: ${JSON.stringify(mail.map((m) => m.subject))}`);
    await new Promise((r) => setTimeout(r, 150));
    mail = await mailTo(address, opts.mailboxUrl);
  }
  return mail;
}

/** Waits until `address` has at least `count` emails; returns them all. */
export const mailCount = (address: string, count: number, opts: { mailboxUrl?: string; timeoutMs?: number } = {}) =>
  mailWhen(address, (mail) => mail.length >= count, opts);

/** Waits until an email to `address` has `text` in its subject or body; returns everything the address has. */
export const mailWith = (address: string, text: string, opts: { mailboxUrl?: string; timeoutMs?: number } = {}) =>
  mailWhen(address, (mail) => mail.some((m) => m.subject.includes(text) || m.body.text.includes(text)), opts);

/**
 * Returns once every email caused so far by writes to one item has been sent: asks to follow the item
 * with a fresh address and waits for that confirmation email. The confirmation is a notification record
 * of the same item, and the notifier handles one item's records in stream order, stopping at a failure
 * (docs/notifications.md, Delivery guarantees), so when it arrives every earlier one has been handled.
 * A test then asserts exactly what each mailbox holds: an email that should not exist would be there.
 * `followUrl` is the item's subscriptions URL, e.g. `${baseUrl}/api/reports/${id}/subscriptions`.
 */
export async function drainItemMail(followUrl: string, opts: { mailboxUrl?: string; timeoutMs?: number } = {}): Promise<void> {
  const witness = uniqueAddress('drain');
  const res = await fetch(followUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: witness }),
  });
  if (res.status !== 202) throw new Error(`follow for the drain failed: ${res.status} ${await res.text()}`);
  await mailCount(witness, 1, opts);
}

/** The subscriptions URL of a report or a bill on the test stack. */
export const followUrl = (kind: 'reports' | 'bills', id: string, baseUrl = inject('baseUrl')) =>
  `${baseUrl}/api/${kind}/${id}/subscriptions`;

/** A fresh address per test so counts never mix. */
export const uniqueAddress = (tag: string) => `${tag}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.org`;

/** The first link in an email's text that contains `fragment`. */
export function linkIn(mail: Mail, fragment: string): string {
  const link = mail.body.text.match(/https?:\/\/\S+/g)?.find((l) => l.includes(fragment));
  if (!link) throw new Error(`no ${fragment} link in "${mail.subject}"`);
  return link;
}

/**
 * Lets this test process send email as the stack's functions do (digests, alerts sent in-process): to
 * the stack's SES emulator, with links to its site.
 */
export function sendMailFromThisProcess(): void {
  process.env.SES_ENDPOINT = inject('mailboxUrl');
  process.env.PUBLIC_BASE_URL = inject('baseUrl');
}
