import { describe, expect, it } from 'vitest';
import type { HistoryEvent, Item } from '../../shared/items.js';
import { toPublicItem } from '../../shared/public-view.js';

const item: Item = {
  id: 'id1',
  reference: 'RF-1234567',
  kind: 'report',
  serviceCode: 'pothole',
  title: 'Pothole',
  description: 'Deep',
  location: { lat: 51.45, lng: -2.59 },
  status: 'in_progress',
  phase: 'in_progress',
  priority: 'high',
  assignee: { id: 'roads.officer', name: 'Rita Okafor' },
  reporter: { name: 'Jo Bloggs', email: 'jo@example.org', phone: '0117 496 0000' },
  reporterNotify: true,
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
};

const history: HistoryEvent[] = [
  { id: 'e1', at: '2026-01-01T00:00:00.000Z', actor: { type: 'citizen' }, type: 'created', to: 'new', visibility: 'public' },
  {
    id: 'e2',
    at: '2026-01-02T00:00:00.000Z',
    actor: { type: 'staff', id: 'roads.officer', name: 'Rita Okafor' },
    type: 'comment',
    note: 'secret plan',
    visibility: 'internal',
  },
  {
    id: 'e3',
    at: '2026-01-02T00:00:00.000Z',
    actor: { type: 'staff', id: 'roads.officer', name: 'Rita Okafor' },
    type: 'transition',
    from: 'new',
    to: 'in_progress',
    note: 'On it',
    visibility: 'public',
  },
];

describe('public view of an item', () => {
  const text = JSON.stringify(toPublicItem(item, { history, queuePosition: 4 }));

  it('carries no reporter contact', () => {
    expect(text).toContain('RF-1234567');
    for (const secret of ['Jo Bloggs', 'jo@example.org', '0117 496 0000', 'reporter']) expect(text).not.toContain(secret);
  });

  it('carries no internal notes and no staff identity, only the team', () => {
    for (const secret of ['secret plan', 'Rita Okafor', 'roads.officer']) expect(text).not.toContain(secret);
    expect(text).toContain('Roads team');
  });

  it('keeps public events with their state labels', () => {
    const view = toPublicItem(item, { history });
    expect(view.history?.map((e) => e.type)).toEqual(['created', 'transition']);
    expect(view.history?.[1]).toMatchObject({ toLabel: 'In progress', note: 'On it', actor: 'Roads team' });
  });

  it('shows a queue position only for waiting items', () => {
    expect(toPublicItem(item, { queuePosition: 4 }).queuePosition).toBeUndefined();
    expect(toPublicItem({ ...item, status: 'new', phase: 'waiting' }, { queuePosition: 4 }).queuePosition).toBe(4);
  });

  it('still shows an item whose service the catalog no longer has, by its code and status id, with no contact', () => {
    const view = toPublicItem({ ...item, serviceCode: 'retired-gritting' }, { history });
    expect(view).toMatchObject({ serviceCode: 'retired-gritting', serviceName: 'retired-gritting', statusLabel: 'in_progress' });
    expect(JSON.stringify(view)).not.toContain('jo@example.org');
  });
});
