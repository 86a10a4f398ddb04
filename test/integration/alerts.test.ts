import ngeohash from 'ngeohash';
import { describe, expect, it } from 'vitest';
import { api, createReport } from '../support/api.js';
import { linkIn, mailWith, uniqueAddress } from '../support/mailbox.js';

const north = (from: { lat: number; lng: number }, meters: number) => ({ lat: from.lat + meters / 111_195, lng: from.lng });

/** Asks for an alert and confirms it from the emailed link, as its owner would. */
async function confirmedAlert(email: string, target: unknown, frequency = 'instant') {
  const res = await api('/api/alerts', { body: { email, target, frequency } });
  expect(res.status, res.text).toBe(202);
  const [confirmation] = await mailWith(email, 'Confirm your');
  const confirmed = await fetch(linkIn(confirmation as never, '/api/alerts/confirm'), { headers: { accept: 'application/json' } });
  expect(confirmed.status).toBe(200);
}

describe('alerts end to end', () => {
  it('a confirmed circle alert emails the new report inside and not the one 10 m outside, across a cell border', async () => {
    const email = uniqueAddress('circle');
    const [, , border] = ngeohash.decode_bbox(ngeohash.encode(51.4688, -2.6102, 7)) as [number, number, number, number];
    const center = north({ lat: border, lng: -2.6102 }, -300);
    await confirmedAlert(email, { type: 'circle', center, radiusMeters: 300 });
    // Outside first: by the time the inside report's email arrives, the outside one was handled (one stream, in order).
    const outside = await createReport({ location: north(center, 310) });
    const inside = await createReport({ location: north(center, 290) });
    const mail = await mailWith(email, inside.reference);
    const alertMail = mail.filter((m) => m.subject.includes('near you'));
    expect(alertMail.map((m) => m.subject)).toEqual([`New report near you: ${inside.reference}`]);
    expect(mail.some((m) => m.body.text.includes(outside.reference))).toBe(false);
    // Every alert email has its own one-click stop (RFC 8058) and the manage link.
    const stop = linkIn(alertMail[0] as never, '/api/alerts/unsubscribe');
    expect(linkIn(alertMail[0] as never, '/alerts/?token=')).toBeTruthy();
    const stopped = await fetch(stop, { method: 'POST', headers: { accept: 'application/json' } });
    expect(stopped.status).toBe(200);
  });

  it("the manage link from an alert email lists the address's alerts, pending ones too, and nothing of anyone else", async () => {
    const email = uniqueAddress('manage');
    const center = { lat: 51.4655, lng: -2.6155 };
    await confirmedAlert(email, { type: 'circle', center, radiusMeters: 150 });
    const pending = await api('/api/alerts', { body: { email, target: { type: 'area', areaId: 'harbour' }, frequency: 'daily' } });
    expect(pending.status).toBe(202);
    const report = await createReport({ location: north(center, 20) });
    const alertMail = (await mailWith(email, report.reference)).find((m) => m.subject.includes(report.reference));
    const token = new URL(linkIn(alertMail as never, '/alerts/?token=')).searchParams.get('token') as string;
    const res = await api(`/api/alerts/manage?token=${encodeURIComponent(token)}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.items.map((a: { target: { type: string }; status: string }) => [a.target.type, a.status]).sort()).toEqual([
      ['area', 'pending'],
      ['circle', 'confirmed'],
    ]);
    expect(res.text).not.toContain(email);
    const bad = await api(`/api/alerts/manage?token=${'x'.repeat(43)}`);
    expect(bad.status).toBe(404);
  });

  it.each([
    [{ type: 'circle', center: { lat: 51.45, lng: -2.59 }, radiusMeters: 99 }, 'target.radiusMeters'],
    [{ type: 'circle', center: { lat: 51.45, lng: -2.59 }, radiusMeters: 5001 }, 'target.radiusMeters'],
    [{ type: 'area', areaId: '<b>' }, 'target.areaId'],
    [{ type: 'area', areaId: 'no-such-ward' }, 'query.area'],
    [{ type: 'street' }, 'target.type'],
    [{ type: 'service', serviceCode: 'nope' }, 'query.service'],
  ])('%j is a 400 naming %s', async (target, path) => {
    const res = await api('/api/alerts', { body: { email: uniqueAddress('bad'), target } });
    expect(res.status, res.text).toBe(400);
    expect(JSON.stringify(res.body.errors)).toContain(path);
  });
});
