import { expect } from 'vitest';
import { commit } from '../../functions/store/commit.js';
import { findItem, getItemWithHistory } from '../../functions/store/items.js';
import type { LocalStack } from '../../infra/local/stack.js';
import type { ItemSla } from '../../shared/sla/index.js';
import { type Mail, mailWith } from './mailbox.js';

/** The demo's roads officer: the pothole team's member, who gets its escalation emails. */
export const TEAM = 'rita.okafor@demo-city.example';
export const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
export const ahead = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/** Files a pothole report (Centre Ward: the roads team's queue) on a stack of the test's own. */
export async function fileReport(stack: LocalStack): Promise<{ id: string; reference: string }> {
  const res = await fetch(`${stack.urls.api}/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceCode: 'pothole', description: 'Deep hole', location: { lat: 51.45, lng: -2.59 } }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; reference: string };
}

/** Puts an item's promise where a test needs it (as time passing would), through the store's own commit. */
export async function setSla(id: string, sla: ItemSla): Promise<void> {
  const item = await findItem(id, true);
  if (!item) throw new Error(`no item ${id}`);
  await commit({ change: { item: { ...item, version: item.version + 1, sla }, events: [], notifications: [] }, before: item });
}

/** Waits until every notification of the item so far is sent: a follower's confirmation comes after them. */
export async function drain(stack: LocalStack, id: string): Promise<void> {
  const witness = `drain.${Date.now()}.${Math.random()}@example.org`;
  await fetch(`${stack.urls.api}/reports/${id}/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: witness }),
  });
  await mailWith(witness, 'onfirm', { mailboxUrl: stack.urls.mailbox });
}

export const about = (mail: Mail[], subject: string) => mail.filter((m) => m.subject === subject);

/** The item's escalation events, as `level:visibility`. */
export const escalationEvents = async (id: string) =>
  (await getItemWithHistory(id)).history.filter((e) => e.type === 'field' && e.field === 'sla').map((e) => `${e.to}:${e.visibility}`);
