import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLegiscanFolder } from '../../infra/local/legiscan-csv.js';
import { mapLegiscanExport } from '../../shared/bills/legiscan.js';
import { classifyAction, scheduledDate } from '../../shared/bills/legiscan-actions.js';
import { formatImportReport } from '../../shared/bills/legiscan-report.js';
import { billService } from '../../shared/bills/service.js';

const MINI = join(import.meta.dirname, '..', 'fixtures', 'legiscan-mini');
const service = billService();
const map = () =>
  mapLegiscanExport(readLegiscanFolder(MINI), { workflow: service.workflow, serviceCode: service.code, sessionName: () => 'mini' });

describe('LegiScan actions', () => {
  it.each([
    ['READ THE FIRST TIME - REFERRALS', 'introduction'],
    ['REFERRED TO FINANCE', 'referral-committee'],
    ['L&C, FIN', 'referral-list'],
    ['FIN RPT 9DP', 'committee-report'],
    ['RULES TO CALENDAR 4/11/2025', 'scheduling'],
    ['PASSED Y34 N6', 'passage'],
    ['PASSED ON RECONSIDERATION Y11 N9', 'passage'],
    ['FAILED PASSAGE Y25 N12 E3', 'failure'],
    ['11:58 A.M. 2/28/25 TRANSMITTED TO GOVERNOR', 'executive-receipt'],
    ['SIGNED INTO LAW 3/6 CHAPTER 1 SLA 25', 'executive-signature'],
    ['VETOED BY GOVERNOR 4/17/25', 'executive-veto'],
    ['EFFECTIVE DATE(S) OF LAW 3/7/2025', 'became-law'],
    ['HOUSE RESOLVE NO. 1', 'became-law'],
    ['NOT INTRODUCED', 'withdrawal'],
  ])('%s → %s', (action, kind) => {
    expect(classifyAction(action)).toBe(kind);
  });

  it.each([
    'AM NO 3 FAILED Y9 N28 E3',
    'FN1: ZERO(EED)',
    'COSPONSOR(S): GALVIN',
    'FAILED CONCUR (S) AM Y13 N25 E2',
    'READ THE SECOND TIME',
  ])('%s moves nothing', (action) => {
    expect(classifyAction(action)).toBeUndefined();
  });

  it('reads the calendar date of a scheduling action, in the action’s year when it names none', () => {
    expect(scheduledDate('ADVANCED TO THIRD READING 4/14 CALENDAR', '2025-04-11')).toBe('2025-04-14T12:00:00.000Z');
    expect(scheduledDate('RULES TO CALENDAR 4/11/2025', '2025-04-11')).toBe('2025-04-11T12:00:00.000Z');
    expect(scheduledDate('ADVANCED TO THIRD READING UC', '2025-04-11')).toBe('2025-04-11T12:00:00.000Z');
  });
});

describe('mapping an export', () => {
  it('is deterministic: the same files give the same records and hashes', () => {
    expect(JSON.stringify(map())).toBe(JSON.stringify(map()));
  });

  it('walks a bill through both chambers and the executive with one event per action', () => {
    const sb20 = map().bills.find((b) => b.bill.number === 'SB20')!;
    const moves = sb20.events.filter((e) => e.type === 'transition').map((e) => e.to);
    expect(moves).toEqual([
      'committee',
      'reported',
      'scheduled',
      'passed_origin',
      'second_committee',
      'second_reported',
      'second_scheduled',
      'passed_both',
      'with_executive',
      'signed',
      'enacted',
    ]);
    expect(sb20.events).toHaveLength(15); // created + 14 actions
    expect(sb20.offWorkflow).toBe(0);
    expect(sb20.bill).toMatchObject({ status: 'enacted', phase: 'done', chamber: 'Senate', version: 15 });
  });

  it('decodes the HTML entities LegiScan puts in text', () => {
    const hb50 = map().bills.find((b) => b.bill.number === 'HB50')!;
    expect(hb50.bill.title).toBe("Harbor's Safety");
    expect(hb50.bill.summary).toBe("An Act relating to the harbor's safety.");
  });

  it('keeps a bill in committee until every referred committee has reported', () => {
    const hb10 = map().bills.find((b) => b.bill.number === 'HB10')!;
    expect(hb10.bill.status).toBe('committee');
    expect(hb10.bill.committee).toBe('House Public Works');
  });
});

describe('choosing the stage from every signal of the export', () => {
  const byNumber = (n: string) => map().bills.find((b) => b.bill.number === n)!;

  it('a bill signed by a governor whose wording the rules know walks to "Signed", and LegiScan’s "Passed" makes it enacted', () => {
    const hb60 = byNumber('HB60');
    expect(hb60.walkStage).toBe('signed');
    expect(hb60.bill).toMatchObject({ status: 'enacted', phase: 'done', closedAt: '2025-04-02T12:00:00.000Z' });
    expect(hb60.events.filter((e) => e.type === 'transition').map((e) => e.to)).toEqual([
      'committee',
      'reported',
      'scheduled',
      'passed_origin',
      'second_committee',
      'passed_both',
      'with_executive',
      'signed',
      'enacted',
    ]);
    expect(hb60.events.find((e) => e.note?.includes('Signed by the Speaker'))).toMatchObject({ type: 'action' });
  });

  it('when the walk and the status disagree, the status’s stage is final, the walk is the path, and the report says so', () => {
    const { bills, report } = map();
    const sb70 = bills.find((b) => b.bill.number === 'SB70')!;
    expect(sb70.walkStage).toBe('committee');
    expect(sb70.bill.status).toBe('enacted');
    expect(sb70.events.at(-1)).toMatchObject({
      type: 'transition',
      from: 'committee',
      to: 'enacted',
      note: expect.stringContaining('LegiScan status: Passed'),
    });
    expect(report.disagreements).toEqual([
      { number: 'HB60', status: 'Passed', walk: 'signed', chosen: 'enacted' },
      { number: 'SB70', status: 'Passed', walk: 'committee', chosen: 'enacted' },
      { number: 'HB90', status: 'Failed', walk: 'committee', chosen: 'failed' },
    ]);
    // control: a bill whose walk the status allows is not in the report and has no status event
    const sb20 = bills.find((b) => b.bill.number === 'SB20')!;
    expect(sb20.statusOverride).toBeUndefined();
    expect(sb20.events.some((e) => e.id.endsWith('-status'))).toBe(false);
  });

  it('every bill LegiScan calls Passed ends in a done phase, every Vetoed or Failed one in its done state', () => {
    const bills = map().bills;
    const done: Record<string, string[]> = { '4': ['enacted'], '5': ['vetoed'], '6': ['failed', 'withdrawn'] };
    const rows = readLegiscanFolder(MINI).bills;
    const checked = rows.filter((r) => done[r.status as string]);
    expect(checked.length).toBeGreaterThanOrEqual(5);
    for (const r of checked) {
      const b = bills.find((x) => x.bill.source?.billId === r.bill_id)!;
      expect(b.bill.phase, r.bill_number).toBe('done');
      expect(done[r.status as string], r.bill_number).toContain(b.bill.status);
    }
  });

  it('a passed third-reading roll call moves a bill the journal’s wording left in committee, forward only', () => {
    const hb80 = byNumber('HB80');
    expect(hb80.events.filter((e) => e.id.includes('-rc')).map((e) => [e.from, e.to])).toEqual([
      ['committee', 'passed_origin'],
      ['passed_origin', 'passed_both'],
    ]);
    expect(hb80.bill.status).toBe('passed_both');
    // control: where the journal already recorded the passage, the roll call adds no move
    expect(byNumber('SB20').events.some((e) => e.id.includes('-rc'))).toBe(false);
  });

  it('a bill with no history rows takes its stage from last_action, and the problem is reported', () => {
    const { bills, problems } = map();
    expect(bills.find((b) => b.bill.number === 'SB100')!.bill.status).toBe('with_executive');
    expect(problems.map((p) => p.reason)).toContain('SB100 has no history; its stage comes from last_action');
  });

  it('counts the phrasings no rule knows, without moving a stage', () => {
    const { report } = map();
    expect(report.unmapped).toEqual(
      expect.arrayContaining([
        { phrasing: 'ENROLLED BILL RATIFIED', count: 1 },
        { phrasing: 'SIGNED BY THE SPEAKER OF THE HOUSE', count: 1 },
      ]),
    );
    expect(report.unmapped.map((u) => u.phrasing)).not.toContain('GOVERNOR SIGNED');
    expect(report.byStage).toContainEqual({ stage: 'enacted', label: 'Enacted', bills: 3 });
  });
});

describe('the import report as the CLI prints it', () => {
  it('lists stages, each disagreement with what was chosen, and the top unmapped phrasings with how many more', () => {
    const { report } = map();
    const lines = formatImportReport(report, service.workflow, 2);
    expect(lines[0]).toBe('Bills per final stage:');
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}Enacted +3$/));
    expect(lines).toContain('  SB70: status "Passed", actions lead to "In committee" → "Enacted"');
    expect(lines).toContain(
      `Unmapped phrasings (plain actions, stage unchanged): ${report.unmapped.length} phrasings, ${report.unmapped.reduce((n, u) => n + u.count, 0)} actions`,
    );
    expect(lines.at(-1)).toBe(`  … and ${report.unmapped.length - 2} more phrasings`);
  });
});
