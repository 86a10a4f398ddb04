import ngeohash from 'ngeohash';
import { beforeAll, describe, expect, it } from 'vitest';
import { confirmAlert, createPendingAlert, matchingAlerts, removeAlert } from '../../functions/store/alerts.js';
import { useTestTable } from '../support/api.js';

beforeAll(() => useTestTable());

const north = (from: { lat: number; lng: number }, meters: number) => ({ lat: from.lat + meters / 111_195, lng: from.lng });
const tag = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
const ids = (entries: { alertId: string }[]) => entries.map((e) => e.alertId);

async function confirmedAlert(target: Parameters<typeof createPendingAlert>[0]['target'], frequency: 'instant' | 'daily' = 'instant') {
  const pending = await createPendingAlert({ email: `alert-${tag()}@example.org`, target, frequency });
  return confirmAlert(pending.confirmToken as string);
}

describe('matching alerts through the indexes', () => {
  it('a circle alert gets the report inside and not the one 10 m outside, across a geohash cell border', async () => {
    // The rim on a precision-7 cell border (see test/unit/alert-geo.test.ts), somewhere no other test pins.
    const [, , border] = ngeohash.decode_bbox(ngeohash.encode(51.4712, -2.6031, 7)) as [number, number, number, number];
    const center = north({ lat: border, lng: -2.6031 }, -250);
    const alert = await confirmedAlert({ type: 'circle', center, radiusMeters: 250 });
    const service = `svc-${tag()}`;
    const inside = await matchingAlerts({ serviceCode: service, location: north(center, 240) });
    const outside = await matchingAlerts({ serviceCode: service, location: north(center, 260) });
    expect(ids(inside)).toContain(alert.id);
    expect(ids(outside)).not.toContain(alert.id);
    expect(inside.find((e) => e.alertId === alert.id)).toMatchObject({ email: alert.email, frequency: 'instant' });
  });

  it('an area alert gets a report in its ward and not one in the next ward', async () => {
    const ward = `ward-${tag()}`;
    const alert = await confirmedAlert({ type: 'area', areaId: ward }, 'daily');
    expect(ids(await matchingAlerts({ serviceCode: 'pothole', areaId: ward }))).toContain(alert.id);
    expect(ids(await matchingAlerts({ serviceCode: 'pothole', areaId: `${ward}-next` }))).not.toContain(alert.id);
  });

  it('a service alert gets reports of that service only, once even when its pin also matches', async () => {
    const service = `svc-${tag()}`;
    const alert = await confirmedAlert({ type: 'service', serviceCode: service });
    const matched = await matchingAlerts({ serviceCode: service, location: { lat: 51.45, lng: -2.59 } });
    expect(ids(matched).filter((id) => id === alert.id)).toHaveLength(1);
    expect(ids(await matchingAlerts({ serviceCode: `${service}-other` }))).not.toContain(alert.id);
  });

  it('a pending alert matches nothing until confirmed, and a cancelled one stops matching', async () => {
    const ward = `ward-${tag()}`;
    const pending = await createPendingAlert({
      email: `p-${tag()}@example.org`,
      target: { type: 'area', areaId: ward },
      frequency: 'instant',
    });
    expect(ids(await matchingAlerts({ serviceCode: 'pothole', areaId: ward }))).toEqual([]);
    await confirmAlert(pending.confirmToken as string);
    expect(ids(await matchingAlerts({ serviceCode: 'pothole', areaId: ward }))).toEqual([pending.id]);
    await removeAlert(pending.unsubscribeToken);
    expect(ids(await matchingAlerts({ serviceCode: 'pothole', areaId: ward }))).toEqual([]);
  });

  it('a confirm link works once', async () => {
    const pending = await createPendingAlert({
      email: `o-${tag()}@example.org`,
      target: { type: 'service', serviceCode: 'pothole' },
      frequency: 'instant',
    });
    await confirmAlert(pending.confirmToken as string);
    await expect(confirmAlert(pending.confirmToken as string)).rejects.toThrow(/not valid/);
  });
});
