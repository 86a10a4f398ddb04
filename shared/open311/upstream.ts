/**
 * The back-office connector's decisions (Open311 client side). Pure: what to send upstream for a new
 * report, and what an upstream status means for the board's item.
 */
import type { Service } from '../catalog/index.js';
import type { Item } from '../items.js';
import type { TransitionOutcome } from '../workflow.js';

export interface Upstream {
  endpoint: string;
  serviceCode: string;
  jurisdictionId?: string;
  credential: string;
}

/**
 * The form that files a report upstream. `attribute[external_id]` is the board's item id, so an upstream
 * that deduplicates on it (this board does) never files a retry twice. No reporter contact leaves the board.
 * @example upstreamForm(item, upstream, 'key')['attribute[external_id]'] // item.id
 */
export function upstreamForm(item: Item, upstream: Upstream, apiKey: string): Record<string, string> {
  const form: Record<string, string> = {
    api_key: apiKey,
    service_code: upstream.serviceCode,
    description: `${item.description}\n\n(${item.reference} on the public board)`,
    'attribute[external_id]': item.id,
  };
  if (upstream.jurisdictionId) form.jurisdiction_id = upstream.jurisdictionId;
  if (item.location) {
    form.lat = String(item.location.lat);
    form.long = String(item.location.lng);
  }
  if (item.address) form.address_string = item.address;
  return form;
}

/**
 * What an upstream status means here: `closed` while the item is not done moves it to the workflow's
 * first done state (its first resolution); `open` while it is done reopens it to the initial state.
 * Upstream is the system of record for forwarded work, so the move need not be one staff could make.
 * @example planUpstreamChange(service, item, 'closed')?.to.phase // 'done'
 */
export function planUpstreamChange(service: Service, item: Item, status: 'open' | 'closed'): TransitionOutcome | undefined {
  const states = service.workflow.states;
  const from = states.find((s) => s.id === item.status);
  if (!from) return undefined;
  if (status === 'closed' && item.phase !== 'done') {
    const to = states.find((s) => s.phase === 'done');
    return to && { from, to, phase: 'done', resolution: to.resolutions?.[0] };
  }
  if (status === 'open' && item.phase === 'done') {
    const to = states.find((s) => s.id === service.workflow.initial);
    return to && { from, to, phase: to.phase };
  }
  return undefined;
}
