import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { importBills } from '../../infra/local/import-bills.js';
import { ROOT } from '../../infra/local/stack.js';
import { api, useTestTable } from '../support/api.js';

const MINI = join(ROOT, 'test', 'fixtures', 'legiscan-mini');
/** The real Alaska export lives beside the repository, never inside it. */
const ALASKA = resolve(ROOT, '..', 'shared', 'data', 'legiscan-ak-2025-2026');
const hasAlaska = existsSync(join(ALASKA, 'bills.csv'));
const rows = (folder: string, file: string) => (parse(readFileSync(join(folder, file), 'utf8'), { columns: true }) as unknown[]).length;

async function allBills(session: string) {
  const items: { id: string; number: string; status: string; votes: unknown[]; version: number }[] = [];
  let cursor: string | undefined;
  do {
    const res = await api(`/api/bills?session=${session}&limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

beforeAll(() => {
  useTestTable();
});

/** One session for the mini export's bills across this file's describes (bill ids do not depend on the session). */
const session = `mini-${Date.now().toString(36)}`;

describe('importing the project’s mini LegiScan export', () => {
  it('maps every bill and roll call, stages from the last action, and reports the rows it could not map', async () => {
    const summary = await importBills(MINI, { session });
    expect(summary).toMatchObject({ bills: 11, rollCalls: 7, created: 11, unchanged: 0, rejected: 0 });
    const reasons = summary.problems.map((p) => `${p.file}: ${p.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^history\.csv: .*bill_id 9999/),
        expect.stringMatching(/^sponsors\.csv: .*people_id 42/),
        expect.stringMatching(/roll call 504: member votes disagree/),
      ]),
    );
    const stored = await allBills(session);
    expect(Object.fromEntries(stored.map((b) => [b.number, b.status]))).toEqual({
      HB10: 'committee',
      HB30: 'failed',
      HB40: 'introduced',
      HB50: 'scheduled',
      SB20: 'enacted',
      HB60: 'enacted',
      SB70: 'enacted',
      HB80: 'passed_both',
      HB90: 'failed',
      SB100: 'with_executive',
      HB110: 'vetoed',
    });
    expect(summary.report.disagreements.map((d) => `${d.number} ${d.status} ${d.walk}→${d.chosen}`)).toEqual([
      'HB60 Passed signed→enacted',
      'SB70 Passed committee→enacted',
      'HB90 Failed committee→failed',
    ]);
    const sb20 = (await api('/api/bills/legiscan-1002')).body;
    expect(sb20.sponsors).toEqual([expect.objectContaining({ name: 'Bo Birch', role: 'primary', party: 'R' })]);
    type PublicVote = { chamber: string; yes: number; no: number; result: string; rollCall?: unknown };
    expect(sb20.votes.map((v: PublicVote) => [v.chamber, v.yes, v.no, v.result])).toEqual([
      ['Senate', 2, 1, 'pass'],
      ['House', 3, 0, 'pass'],
    ]);
    expect(sb20.votes[0].rollCall).toEqual([
      { member: 'Ana Alder', vote: 'yes' },
      { member: 'Bo Birch', vote: 'yes' },
      { member: 'Cy Cedar', vote: 'no' },
    ]);
    const agenda = await api(`/api/bills?upForVote=true&session=${session}`);
    expect(agenda.body.items.map((b: { number: string; scheduledVote: unknown }) => [b.number, b.scheduledVote])).toEqual([
      ['HB50', { at: '2025-03-20T12:00:00.000Z', chamber: 'House' }],
    ]);
  });

  it('a second run changes nothing', async () => {
    const before = await api('/api/bills/legiscan-1002');
    const summary = await importBills(MINI, { session });
    expect(summary).toMatchObject({ created: 0, updated: 0, unchanged: 11, rejected: 0 });
    const after = await api('/api/bills/legiscan-1002');
    expect(after.text).toBe(before.text);
  });
});

describe('members and committees from the mini export', () => {
  const csv = (file: string) => parse(readFileSync(join(MINI, file), 'utf8'), { columns: true }) as Record<string, string>[];
  const CODE: Record<string, string> = { '1': 'yes', '2': 'no', '3': 'abstain', '4': 'absent' };

  beforeAll(async () => {
    await importBills(MINI, { session });
  }, 60_000);

  it('a member’s roll-call record equals the votes file for that person, with attendance counted from it', async () => {
    const rollcalls = new Map(csv('rollcalls.csv').map((r) => [r.roll_call_id, r]));
    for (const person of ['1', '2', '3']) {
      const res = await api(`/api/bills/members/${person}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toMatch(/public/);
      const expected = csv('votes.csv')
        .filter((v) => v.people_id === person && rollcalls.has(v.roll_call_id))
        .map((v) => ({
          rollCallId: v.roll_call_id,
          billId: `legiscan-${rollcalls.get(v.roll_call_id)?.bill_id}`,
          vote: CODE[v.vote as string],
        }))
        .sort((a, b) => Number(a.rollCallId) - Number(b.rollCallId));
      const got = (res.body.votes as { rollCallId: string; billId: string; vote: string }[])
        .map(({ rollCallId, billId, vote }) => ({ rollCallId, billId, vote }))
        .sort((a, b) => Number(a.rollCallId) - Number(b.rollCallId));
      expect(got, `person ${person}`).toEqual(expected);
      const a = res.body.member.attendance;
      expect(a.total).toBe(expected.length);
      expect(a.absent).toBe(expected.filter((v) => v.vote === 'absent').length);
    }
  });

  it('a member page lists the bills they sponsor, and bills link their sponsors to it', async () => {
    const res = await api('/api/bills/members/3');
    expect(res.body.member).toMatchObject({ name: 'Cy Cedar', party: 'I', district: 'HD-003', chamber: 'House' });
    expect(res.body.bills.map((b: { number: string; role: string }) => `${b.number} ${b.role}`)).toEqual([
      'HB30 primary',
      'HB60 primary',
      'HB110 primary',
    ]);
    const hb60 = (await api('/api/bills/legiscan-1006')).body;
    expect(hb60.sponsors.map((s: { memberId?: string }) => s.memberId)).toEqual(['3', '1']);
  });

  it('a committee page, by its name in any case, lists the bills referred to it and its hearings', async () => {
    const res = await api(`/api/bills/committees/${encodeURIComponent('house ways AND means')}`);
    expect(res.status).toBe(200);
    expect(res.body.committee).toMatchObject({ name: 'House Ways & Means', chamber: 'House', bills: 2, hearings: 2 });
    expect(res.body.bills.map((b: { number: string; pending: boolean }) => [b.number, b.pending])).toEqual([
      ['HB80', false],
      ['HB90', true],
    ]);
    expect(res.body.hearings.map((h: { number: string; action: string }) => `${h.number}: ${h.action}`)).toEqual([
      'HB80: Committee hearing held',
      'HB90: Heard in committee',
    ]);
  });

  it('an unknown member or committee is a 404 problem, a bad page a 400 naming it', async () => {
    const member = await api('/api/bills/members/99999');
    expect(member.status).toBe(404);
    expect(member.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await api('/api/bills/committees/No%20Such%20Committee')).status).toBe(404);
    const bad = await api('/api/bills/members/1?page=-1');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('page');
    expect((await api('/api/bills/members/1?page=5')).body.votes).toEqual([]); // control: past the end is an empty page
  });

  it('a re-import writes no member or committee again', async () => {
    const again = await importBills(MINI, { session });
    expect(again.people).toMatchObject({ members: 3, committees: 2, written: 0, unchanged: 5 });
  });
});

describe.skipIf(!hasAlaska)(`importing the Alaska 2025-2026 LegiScan export${hasAlaska ? '' : ` — SKIPPED: ${ALASKA} not found`}`, () => {
  const akSession = '2025-2026';
  let first: Awaited<ReturnType<typeof importBills>>;

  beforeAll(async () => {
    first = await importBills(ALASKA);
  }, 240_000);

  it('imports as many bills and roll calls as the files hold', async () => {
    expect(first.bills).toBe(rows(ALASKA, 'bills.csv'));
    expect(first.rejected).toBe(0);
    expect(first.offWorkflow).toBe(0); // every stage move in the journal is one the workflow allows
    const stored = await allBills(akSession);
    expect(stored).toHaveLength(rows(ALASKA, 'bills.csv'));
    expect(stored.reduce((n, b) => n + b.votes.length, 0)).toBe(rows(ALASKA, 'rollcalls.csv'));
  });

  it('puts each bill at the stage of its last stage-changing action', async () => {
    const expected: Record<string, string> = {
      HB65: 'enacted', // SIGNED INTO LAW, then EFFECTIVE DATE(S) OF LAW
      HB69: 'vetoed', // VETOED BY GOVERNOR, veto sustained
      HB57: 'with_executive', // TRANSMITTED TO GOVERNOR
      HR1: 'enacted', // HOUSE RESOLVE NO. 1
      HB1: 'committee', // READ THE FIRST TIME - REFERRALS; STA, FIN
      HB32: 'withdrawn', // NOT INTRODUCED
      SCR3: 'enacted', // FAILED PASSAGE in the House, but LegiScan says Passed: the status wins
    };
    for (const [number, status] of Object.entries(expected)) {
      const res = await api(`/api/bills/${number}`);
      expect(res.body.status, number).toBe(status);
      expect(res.body.session).toBe(akSession);
    }
    const hb65 = (await api('/api/bills/HB65')).body;
    expect(hb65.history.at(-1)).toMatchObject({
      type: 'transition',
      to: 'enacted',
      note: expect.stringContaining('EFFECTIVE DATE(S) OF LAW'),
    });
  });

  it('reports the bills whose LegiScan status overrode the walk, and every Passed/Vetoed/Failed bill ends in its done state', async () => {
    expect(first.report.disagreements).toContainEqual({ number: 'SCR3', status: 'Passed', walk: 'failed', chosen: 'enacted' });
    expect(first.report.disagreements).toHaveLength(6);
    const scr3 = (await api('/api/bills/SCR3')).body;
    expect(scr3.history.at(-1)).toMatchObject({ type: 'transition', from: 'failed', to: 'enacted' });
    const byStatus = new Map(
      (parse(readFileSync(join(ALASKA, 'bills.csv'), 'utf8'), { columns: true }) as Record<string, string>[]).map((r) => [
        `legiscan-${r.bill_id}`,
        r.status,
      ]),
    );
    const done: Record<string, string[]> = { '4': ['enacted'], '5': ['vetoed'], '6': ['failed', 'withdrawn'] };
    const stored = await allBills(akSession);
    const outcomes = stored.filter((b) => done[byStatus.get(b.id) ?? '']);
    expect(outcomes.length).toBeGreaterThan(0);
    for (const b of outcomes) expect(done[byStatus.get(b.id) as string], b.number).toContain(b.status);
    expect(first.report.byStage.reduce((n, s) => n + s.bills, 0)).toBe(rows(ALASKA, 'bills.csv'));
  });

  it('a re-import changes nothing', async () => {
    const sample = await api('/api/bills/HB69');
    const again = await importBills(ALASKA);
    expect(again).toMatchObject({ created: 0, updated: 0, rejected: 0, unchanged: rows(ALASKA, 'bills.csv') });
    expect((await api('/api/bills/HB69')).text).toBe(sample.text);
    console.log(
      `Alaska import: ${first.bills} bills, ${first.rollCalls} roll calls in ${first.seconds.toFixed(1)} s; re-import ${again.seconds.toFixed(1)} s`,
    );
  }, 120_000);
});
