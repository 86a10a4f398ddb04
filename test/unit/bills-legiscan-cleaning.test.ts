import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLegiscanFolder } from '../../infra/local/legiscan-csv.js';
import { type LegiscanExport, mapLegiscanExport } from '../../shared/bills/legiscan.js';
import { billService } from '../../shared/bills/service.js';

const MINI = join(import.meta.dirname, '..', 'fixtures', 'legiscan-mini');
const service = billService();
const map = (data: LegiscanExport) =>
  mapLegiscanExport(data, { workflow: service.workflow, serviceCode: service.code, sessionName: () => 'mini' });

/** The mini export with the first bill's row changed. */
function withFirstBill(change: Record<string, string>): LegiscanExport {
  const data = readLegiscanFolder(MINI);
  const [first, ...rest] = data.bills;
  return { ...data, bills: [{ ...first, ...change }, ...rest] };
}

describe('LegiScan import: links', () => {
  it('leaves out a javascript: or data: link and reports it, keeping the bill and its good links', () => {
    const data = withFirstBill({ url: 'javascript:alert(document.cookie)', state_link: 'data:text/html,<script>alert(1)</script>' });
    const number = data.bills[0]!.bill_number;
    const { bills, problems } = map(data);
    const bill = bills.find((b) => b.bill.number === number)!;
    expect(bill.bill.documents).toEqual([]);
    const reasons = problems.filter((p) => p.file === 'bills.csv' && p.row === 2).map((p) => p.reason);
    expect(reasons).toEqual([
      expect.stringMatching(/^HB10: url "javascript:alert\(document\.cookie\)" left out: only http and https links are allowed$/),
      expect.stringMatching(/^HB10: state_link "data:text\/html.*" left out: only http and https links are allowed$/),
    ]);
  });

  it('keeps http(s) links as they are (the positive control)', () => {
    const data = withFirstBill({
      url: 'https://legiscan.com/AK/bill/HB10/2025',
      state_link: 'http://www.akleg.gov/basis/Bill/Detail/34?Root=HB10',
    });
    const bill = map(data).bills[0]!;
    expect(bill.bill.documents).toEqual([
      { label: 'LegiScan', url: 'https://legiscan.com/AK/bill/HB10/2025' },
      { label: 'Legislature', url: 'http://www.akleg.gov/basis/Bill/Detail/34?Root=HB10' },
    ]);
    expect(map(data).problems.filter((p) => p.file === 'bills.csv' && p.reason.includes('left out'))).toEqual([]);
  });
});

describe('LegiScan import: text', () => {
  it('strips bidi overrides (typed or as entities), turns controls into spaces and normalises to NFC', () => {
    const data = withFirstBill({ title: 'Snow\u202E &#x202E;Removal\u0000Grants Cafe\u0301', description: '\u200B' });
    const bill = map(data).bills[0]!.bill;
    expect(bill.title).toBe('Snow Removal Grants Café');
    // An invisible-only description is empty, so the bill falls back to its title, as for a missing one.
    expect(bill.summary).toBe('Snow Removal Grants Café');
  });
});
