import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLegiscanFolder } from '../../infra/local/legiscan-csv.js';
import { mapLegiscanExport } from '../../shared/bills/legiscan.js';
import { toPublicBill } from '../../shared/bills/public.js';
import { billService } from '../../shared/bills/service.js';
import type { Item } from '../../shared/items.js';
import { toPublicItem } from '../../shared/public-view.js';

/** Records stored before input was cleaned may still hold what the schemas now refuse; the public never gets it. */

const item: Item = {
  id: 'id1',
  reference: 'RF-1234567',
  kind: 'report',
  serviceCode: 'pothole',
  title: 'Invoice\u202Efdp.exe',
  description: 'Deep\u0000 hole\nnear school',
  address: '\u2066High Street\u2069',
  status: 'new',
  phase: 'waiting',
  priority: 'normal',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const service = billService();
const MINI = join(import.meta.dirname, '..', 'fixtures', 'legiscan-mini');
const storedBill = () =>
  mapLegiscanExport(readLegiscanFolder(MINI), { workflow: service.workflow, serviceCode: service.code, sessionName: () => 'mini' })
    .bills[0]!.bill;

describe('public projection of text stored before it was cleaned', () => {
  it('a report loses bidi overrides and control characters, and keeps its line breaks', () => {
    const view = toPublicItem(item);
    expect([view.title, view.description, view.address]).toEqual(['Invoicefdp.exe', 'Deep  hole\nnear school', 'High Street']);
  });

  it('clean text is served unchanged (the positive control)', () => {
    const view = toPublicItem({ ...item, title: 'Tŷ Café حفرة 👍🏽', description: 'Line one\nLine two' });
    expect([view.title, view.description]).toEqual(['Tŷ Café حفرة 👍🏽', 'Line one\nLine two']);
  });
});

describe('public projection of a bill', () => {
  it('serves only http(s) document links, leaving out one stored as javascript: or data:', () => {
    const bill = {
      ...storedBill(),
      documents: [
        { label: 'Text', url: 'https://example.org/hb10.pdf' },
        { label: 'Click', url: 'javascript:alert(1)' },
        { label: 'Data', url: 'data:text/html,<script>alert(1)</script>' },
        { label: 'Old\u202E', url: 'http://example.org/old' },
      ],
    };
    expect(toPublicBill(bill).documents).toEqual([
      { label: 'Text', url: 'https://example.org/hb10.pdf' },
      { label: 'Old', url: 'http://example.org/old' },
    ]);
  });

  it('cleans the summary, sponsors, committee and motions', () => {
    const base = storedBill();
    const bill = {
      ...base,
      summary: 'About\u202E roads',
      committee: 'Transport\u2067',
      sponsors: [{ name: 'Ada\u202D', role: 'primary' as const, party: 'I\u0007' }],
      votes: base.votes.map((v) => ({ ...v, motion: `Third\u202E reading` })),
    };
    const view = toPublicBill(bill);
    expect([view.summary, view.committee, view.sponsors]).toEqual([
      'About roads',
      'Transport',
      [{ name: 'Ada', role: 'primary', party: 'I' }],
    ]);
    for (const vote of view.votes) expect(vote.motion).toBe('Third reading');
  });
});
