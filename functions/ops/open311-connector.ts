import { ulid } from 'ulid';
import { findService, listServices, type Service } from '../../shared/catalog/index.js';
import { applyTransition } from '../../shared/items.js';
import { planUpstreamChange, type Upstream, upstreamForm } from '../../shared/open311/upstream.js';
import { fileRequest, readRequests } from '../connector/open311-client.js';
import { upstreamCredential } from '../store/credentials.js';
import { getItem } from '../store/items.js';
import { findUpstream, listUpstream, markUpstreamStatus, putUpstream } from '../store/upstream.js';
import { updateItem } from './update-item.js';

/** The actor of changes that come from the back office. */
const BACK_OFFICE = { type: 'system' as const, name: 'Back-office system (Open311)' };

/** Services whose reports are forwarded, with where to. */
export const forwardedServices = (): { service: Service; upstream: Upstream }[] =>
  listServices('report').flatMap((service) => (service.open311 ? [{ service, upstream: service.open311 }] : []));

/**
 * Forwards one new report upstream, once: a report already recorded as forwarded is skipped, and the
 * upstream is sent the item id as attribute[external_id], so a retry after a lost answer files nothing
 * twice where the upstream honours it. Throws on any upstream failure: the stream retries the record.
 */
export async function forwardReport(itemId: string, upstream: Upstream, apiKey?: string): Promise<string> {
  const item = await getItem(itemId, { kind: 'report' });
  const done = await findUpstream(item.serviceCode, item.id);
  if (done) return done.upstreamId;
  const key = apiKey ?? (await upstreamCredential(upstream.credential));
  const upstreamId = await fileRequest(upstream.endpoint, upstreamForm(item, upstream, key));
  await putUpstream({ itemId: item.id, serviceCode: item.serviceCode, upstreamId, status: 'open', syncedAt: new Date().toISOString() });
  return upstreamId;
}

/**
 * Reads the upstream status of every report of a service forwarded there and applies what changed:
 * closed there → done here, reopened there → waiting here, each as a public history event with the
 * upstream's status notes, emailed to the reporter and followers like a staff transition. Returns how
 * many items changed. An unreachable upstream throws and changes nothing; the next sync catches up.
 */
export async function syncUpstream(serviceCode: string, upstream: Upstream): Promise<number> {
  const records = await listUpstream(serviceCode);
  if (records.length === 0) return 0;
  const statuses = await readRequests(
    upstream.endpoint,
    records.map((r) => r.upstreamId),
    upstream.jurisdictionId,
  );
  const byId = new Map(statuses.map((s) => [s.service_request_id, s]));
  let changed = 0;
  for (const record of records) {
    const there = byId.get(record.upstreamId);
    if (!there || there.status === record.status) continue;
    await updateItem(record.itemId, 'report', (item) => {
      const service = findService(item.serviceCode);
      const outcome = service && planUpstreamChange(service, item, there.status);
      if (!outcome) return { change: { item, events: [], notifications: [] } };
      const note =
        there.status_notes ?? (there.status === 'closed' ? 'Closed by the back-office system.' : 'Reopened by the back-office system.');
      const change = applyTransition(item, outcome, { type: 'system' }, { now: new Date().toISOString(), eventId: ulid(), note });
      return { change: { ...change, events: change.events.map((e) => ({ ...e, actor: BACK_OFFICE })) } };
    });
    await markUpstreamStatus(serviceCode, record.itemId, there.status, new Date().toISOString());
    changed++;
  }
  return changed;
}
