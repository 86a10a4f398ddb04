import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLegiscanFolder } from '../../infra/local/legiscan-csv.js';
import { mapLegiscanExport } from '../../shared/bills/legiscan.js';
import { classifyAction, scheduledDate } from '../../shared/bills/legiscan-actions.js';
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
    expect(hb10.bill.committee).toBe('House Transportation');
  });
});
