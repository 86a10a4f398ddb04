import ical, { type VEvent } from 'node-ical';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn } from '../support/api.js';
import { createBill, moveBill, testSession } from '../support/bills.js';

let clerk: string;
const session = testSession('cal');

beforeAll(async () => {
  clerk = await signIn('leg.clerk');
});

function events(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

async function calendarOf(billId: string) {
  const res = await api(`/api/bills/${billId}/calendar.ics`);
  expect(res.status, res.text).toBe(200);
  return { res, events: events(res.text) };
}

describe('votes calendar', () => {
  it('a scheduled vote is a confirmed event that parses as iCalendar, with a stable UID', async () => {
    const bill = await createBill(clerk, session, { title: 'Calendar; act, with \\ odd text' });
    await moveBill(clerk, bill.id, { to: 'scheduled', scheduledVote: { at: '2031-03-01T10:00:00Z' } });
    const {
      res,
      events: [event, ...rest],
    } = await calendarOf(bill.id);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    expect(rest).toEqual([]);
    expect(event?.status).toBe('CONFIRMED');
    expect(event?.start.toISOString()).toBe('2031-03-01T10:00:00.000Z');
    expect(event?.summary).toBe(`House vote on ${bill.number}: Calendar; act, with \\ odd text`);
    expect(event?.uid).toMatch(/^vote-.+@votes\.civicboard$/);
    // By reference too (a number names the latest session's bill, which another test's session may share).
    expect((await calendarOf(bill.reference)).events[0]?.uid).toBe(event?.uid);
  });

  it('a moved vote keeps its UID with a later start, a higher SEQUENCE and a newer DTSTAMP', async () => {
    const bill = await createBill(clerk, session);
    await moveBill(clerk, bill.id, { to: 'scheduled', scheduledVote: { at: '2031-04-01T10:00:00Z' } });
    const [before] = (await calendarOf(bill.id)).events;
    await moveBill(clerk, bill.id, { to: 'scheduled', scheduledVote: { at: '2031-04-08T15:30:00Z' } });
    const after = (await calendarOf(bill.id)).events;
    expect(after).toHaveLength(1);
    const [moved] = after;
    expect(moved?.uid).toBe(before?.uid);
    expect(moved?.start.toISOString()).toBe('2031-04-08T15:30:00.000Z');
    expect(Number(moved?.sequence)).toBeGreaterThan(Number(before?.sequence));
    expect(moved?.dtstamp.getTime()).toBeGreaterThanOrEqual(before?.dtstamp.getTime() as number);
    expect(moved?.status).toBe('CONFIRMED');
  });

  it('a vote taken off the calendar is STATUS:CANCELLED under the same UID; a new date is a new event', async () => {
    const bill = await createBill(clerk, session);
    await moveBill(clerk, bill.id, 'committee', 'reported', { to: 'scheduled', scheduledVote: { at: '2031-05-01T10:00:00Z' } });
    const [scheduled] = (await calendarOf(bill.id)).events;
    await moveBill(clerk, bill.id, 'reported', { to: 'scheduled', scheduledVote: { at: '2031-06-01T10:00:00Z' } });
    const after = (await calendarOf(bill.id)).events.sort((a, b) => a.start.getTime() - b.start.getTime());
    expect(after.map((e) => [e.uid === scheduled?.uid, e.status, e.start.toISOString()])).toEqual([
      [true, 'CANCELLED', '2031-05-01T10:00:00.000Z'],
      [false, 'CONFIRMED', '2031-06-01T10:00:00.000Z'],
    ]);
    expect(Number(after[0]?.sequence)).toBeGreaterThan(Number(scheduled?.sequence));
  });

  it('a vote that was held stays confirmed, and the board calendar lists it with the cancelled and upcoming ones', async () => {
    const bill = await createBill(clerk, session);
    await moveBill(clerk, bill.id, { to: 'scheduled', scheduledVote: { at: '2031-07-01T10:00:00Z' } }, 'passed_origin');
    const [held] = (await calendarOf(bill.id)).events;
    expect(held?.status).toBe('CONFIRMED');
    // The session's calendar: the whole board's covers the agenda and the latest changed bills, which
    // other files' bill imports running alongside can fill.
    const board = await api(`/api/bills/calendar.ics?session=${session}`);
    expect(board.status, board.text).toBe(200);
    const uids = events(board.text).map((e) => e.uid);
    expect(uids).toContain(held?.uid);
    expect(new Set(uids).size).toBe(uids.length);
    // None of another session's.
    const other = await createBill(clerk, testSession('cal-other'));
    await moveBill(clerk, other.id, { to: 'scheduled', scheduledVote: { at: '2031-08-01T10:00:00Z' } });
    const [otherVote] = (await calendarOf(other.id)).events;
    expect(otherVote?.uid).toMatch(/^vote-/);
    const again = events((await api(`/api/bills/calendar.ics?session=${session}`)).text).map((e) => e.uid);
    expect(again).toContain(held?.uid);
    expect(again).not.toContain(otherVote?.uid);
  });

  it("an unknown bill's calendar is a 404 problem", async () => {
    const res = await api('/api/bills/NO-SUCH-BILL/calendar.ics');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
