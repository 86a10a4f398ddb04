import { describe, expect, it } from 'vitest';
import { getService } from '../../shared/catalog/index.js';
import type { Item } from '../../shared/items.js';
import { planUpstreamChange, upstreamForm } from '../../shared/open311/upstream.js';

const item = (over: Partial<Item> = {}): Item => ({
  id: '01JITEM0000000000000000000',
  reference: 'RF-1234567',
  kind: 'report',
  serviceCode: 'pothole',
  title: 'Pothole',
  description: 'Deep',
  location: { lat: 51.45, lng: -2.59 },
  status: 'new',
  phase: 'waiting',
  priority: 'normal',
  reporter: { email: 'private@example.org', name: 'Pat', phone: '+441174960000' },
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});
const upstream = { endpoint: 'https://x.example/open311/v2', serviceCode: 'PH', credential: 'x' };

describe('the connector’s decisions', () => {
  it('sends the item id as external_id and the pin, never the reporter’s contact', () => {
    const form = upstreamForm(item(), upstream, 'k');
    expect(form).toMatchObject({
      api_key: 'k',
      service_code: 'PH',
      'attribute[external_id]': '01JITEM0000000000000000000',
      lat: '51.45',
      long: '-2.59',
    });
    expect(JSON.stringify(form)).not.toMatch(/private@|Pat|4960000/);
  });

  it('closed upstream moves a waiting item to the first done state with its resolution; open leaves it', () => {
    const service = getService('pothole');
    expect(planUpstreamChange(service, item(), 'closed')).toMatchObject({ to: { id: 'fixed' }, phase: 'done', resolution: 'fixed' });
    expect(planUpstreamChange(service, item(), 'open')).toBeUndefined();
  });

  it('open upstream reopens a done item to the initial state; closed leaves it', () => {
    const service = getService('pothole');
    const done = item({ status: 'fixed', phase: 'done' });
    expect(planUpstreamChange(service, done, 'open')).toMatchObject({ to: { id: 'new' }, phase: 'waiting' });
    expect(planUpstreamChange(service, done, 'closed')).toBeUndefined();
  });
});
