import { join } from 'node:path';
import { importBills } from '../../infra/local/import-bills.js';
import type { Target } from './stack.js';

/**
 * What the cold bench's events need so every function does its real work (no 400/403/404 events):
 * bills with members and committees (the LegiScan fixture), a staff token, and links mailed to a
 * subscriber (tokens read from the SES emulator's store, as a citizen would click them).
 */
const ROOT = join(import.meta.dirname, '..', '..');

export interface ColdFixtures {
  billId: string;
  billNumber: string;
  memberId: string;
  committee: string;
  apiKey: string;
  /** A new bill number on every call (creating a bill twice with one number is a 409). */
  nextBillNumber(): string;
}

async function call(target: Target, path: string, init: { method?: string; body?: unknown; token?: string } = {}) {
  const res = await fetch(`${target.baseUrl}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`cold fixtures: ${init.method ?? 'GET'} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

/** Tokens in the newest email to `address` (links carry `token=`), waiting for it to arrive. */
export async function mailedTokens(target: Target, address: string): Promise<string[]> {
  for (let i = 0; i < 1500; i++) {
    const { emails } = (await (await fetch(`${target.mailboxUrl}/store`)).json()) as {
      emails: { destination: { to: string[] }; body: { text?: string; html?: string } }[];
    };
    const mine = emails.filter((e) => e.destination.to.some((t) => t.includes(address)));
    const last = mine[mine.length - 1];
    if (last) return [...(last.body.text ?? last.body.html ?? '').matchAll(/token=([\w-]+)/g)].map((m) => m[1] as string);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`cold fixtures: no email to ${address}`);
}

let unique = 0;
/** A fresh address, so each event's link is its own. */
export const freshAddress = (what: string) => `cold.${what}.${Date.now()}.${unique++}@example.org`;

/** A subscription to a report, confirmed or not: its mailed tokens (confirm, then unsubscribe). */
export async function reportFollowTokens(target: Target, reportId: string): Promise<string[]> {
  const email = freshAddress('follow');
  await call(target, `/api/reports/${reportId}/subscriptions`, { body: { email } });
  return mailedTokens(target, email);
}

/** An alert's mailed tokens (confirm, then stop / manage). */
export async function alertTokens(target: Target): Promise<string[]> {
  const email = freshAddress('alert');
  await call(target, '/api/alerts', { body: { email, target: { type: 'service', serviceCode: 'pothole' } } });
  return mailedTokens(target, email);
}

/**
 * The token of an alert's "manage my alerts" link: a confirmed alert's own (the confirmation email carries
 * only the confirm link; the page that confirms it links to the manage page, as a citizen would follow).
 */
export async function manageAlertsToken(target: Target): Promise<string> {
  const [confirm] = await alertTokens(target);
  const res = await fetch(`${target.baseUrl}/api/alerts/confirm?token=${confirm}`);
  const token = /token=([\w-]+)/.exec(await res.text())?.[1];
  if (res.status >= 300 || !token) throw new Error(`cold fixtures: confirming an alert answered ${res.status} with no manage link`);
  return token;
}

export async function newApiKey(target: Target, token: string): Promise<{ id: string; key: string }> {
  const made = await call(target, '/api/staff/api-keys', {
    token,
    body: { name: `Cold bench ${unique++}`, services: ['pothole'], ratePerMinute: 600 },
  });
  return { id: made.id, key: made.secret };
}

export async function newUpload(target: Target): Promise<string> {
  const made = await call(target, '/api/reports/uploads', { body: { contentType: 'image/jpeg', size: 2048 } });
  return made.uploadId;
}

/** Loads the LegiScan fixture (in-process, into the target's table) and makes an API key. */
export async function coldFixtures(target: Target, staffToken: string): Promise<ColdFixtures> {
  await importBills(join(ROOT, 'test', 'fixtures', 'legiscan-mini'));
  const bills = await call(target, '/api/bills?limit=20');
  const bill = await call(target, `/api/bills/${bills.items[0].id}`);
  // A member page needs a sponsor who is a legislator (a committee can sponsor too): the first bill that has one.
  let memberId: string | undefined;
  for (const { id } of bills.items as { id: string }[]) {
    const { sponsors = [] } = await call(target, `/api/bills/${id}`);
    memberId = sponsors.find((s: { memberId?: string }) => s.memberId)?.memberId;
    if (memberId) break;
  }
  const committeeBill = bills.items.find((b: { committee?: string }) => b.committee);
  if (!memberId || !committeeBill) throw new Error('cold fixtures: the LegiScan fixture gave no sponsoring member or no committee');
  const key = await newApiKey(target, staffToken);
  let n = 0;
  return {
    billId: bill.id,
    billNumber: bill.number,
    memberId,
    committee: committeeBill.committee,
    apiKey: key.key,
    nextBillNumber: () => `HB ${9000 + n++}`,
  };
}
