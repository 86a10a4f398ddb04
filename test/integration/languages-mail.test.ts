import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { TokenBucket } from '../../functions/lib/token-bucket.js';
import { sendDigest } from '../../functions/notify/digests.js';
import { digestEntryRecord, putAlertRecords } from '../../functions/store/alert-queue.js';
import { confirmAlert, createPendingAlert, type StoredAlert } from '../../functions/store/alerts.js';
import { db, tableName } from '../../functions/store/client.js';
import { addressAlertsPK, alertKey } from '../../functions/store/keys/alerts.js';
import { itemKey } from '../../functions/store/keys/items.js';
import { findSubscription } from '../../functions/store/subscriptions.js';
import type { AlertTarget } from '../../shared/alerts/schemas.js';
import { api, createReport, reportBody, signIn, useTestTable } from '../support/api.js';
import {
  drainItemMail,
  followUrl,
  linkIn,
  type Mail,
  mailCount,
  mailTo,
  mailWith,
  sendMailFromThisProcess,
  uniqueAddress,
} from '../support/mailbox.js';

/**
 * Emails in the follower's language (issue 23): the language of the request that asked (Accept-Language)
 * is stored with the follow, the alert or the report, and every email to that address is in it.
 */
let token: string;
beforeAll(async () => {
  useTestTable();
  // Digests are sent from this process (as the sender would at 07:00).
  sendMailFromThisProcess();
  token = await signIn('roads.officer');
});

/** Asks to follow a report in a language (no header: the client sent none) and confirms from the email. */
async function follow(id: string, email: string, acceptLanguage?: string): Promise<Mail> {
  const headers: Record<string, string> = acceptLanguage ? { 'accept-language': acceptLanguage } : {};
  expect((await api(`/api/reports/${id}/subscriptions`, { body: { email }, headers })).status).toBe(202);
  const [confirmation] = await mailCount(email, 1);
  expect((await fetch(linkIn(confirmation!, '/confirm?'))).status).toBe(200);
  return confirmation!;
}

describe('a report followed in Welsh and in English', () => {
  it("stores each follower's language and sends the update to each in theirs, links to the pages in it", async () => {
    const report = await createReport();
    const welsh = uniqueAddress('cymraeg');
    const english = uniqueAddress('english');
    const welshConfirmation = await follow(report.id, welsh, 'cy-GB,cy;q=0.9,en;q=0.5');
    const englishConfirmation = await follow(report.id, english);

    // Stored with the follow: the language the request asked for, the default when it asked for none.
    expect((await findSubscription(report.id, welsh))?.language).toBe('cy');
    expect((await findSubscription(report.id, english))?.language).toBe('en');
    expect(welshConfirmation.subject).toBe(`Cadarnhewch y diweddariadau ar gyfer ${report.reference}`);
    expect(englishConfirmation.subject).toBe(`Confirm updates for ${report.reference}`);

    const move = await api(`/api/staff/reports/${report.id}/transitions`, {
      token,
      body: { to: 'in_progress', note: 'Criw wedi ei drefnu / Crew booked' },
    });
    expect(move.status, move.text).toBe(200);

    const [, inWelsh] = await mailWith(welsh, 'Ar waith');
    expect(inWelsh!.subject).toBe(`${report.reference}: Ar waith`);
    expect(inWelsh!.body.text).toContain('bellach yw: Ar waith.');
    expect(inWelsh!.body.text).toContain('Nodyn gan y tîm: Criw wedi ei drefnu / Crew booked');
    expect(inWelsh!.body.text).toContain('Peidio ag anfon e-byst am yr eitem hon');
    expect(inWelsh!.body.text).not.toContain('See the full history');
    expect(inWelsh!.body.html).toContain('<html lang="cy">');
    expect(linkIn(inWelsh!, '/track/')).toBe(`${inject('baseUrl')}/cy/track/?id=${report.reference}`);
    expect(linkIn(inWelsh!, '/unsubscribe?')).toMatch(/token=[\w-]{40,}/);

    // The positive control: the English follower of the same report, same event, in English.
    const [, inEnglish] = await mailWith(english, 'In progress');
    expect(inEnglish!.subject).toBe(`${report.reference}: In progress`);
    expect(inEnglish!.body.text).toContain('is now: In progress.');
    expect(inEnglish!.body.html).toContain('<html lang="en">');
    expect(linkIn(inEnglish!, '/track/')).toBe(`${inject('baseUrl')}/track/?id=${report.reference}`);

    // Each got exactly its confirmation and the one update.
    await drainItemMail(followUrl('reports', report.id));
    expect((await mailTo(welsh)).map((m) => m.subject)).toEqual([welshConfirmation.subject, `${report.reference}: Ar waith`]);
    expect((await mailTo(english)).map((m) => m.subject)).toEqual([englishConfirmation.subject, `${report.reference}: In progress`]);
  }, 60_000);

  it('acknowledges a report in the language it was filed in, and keeps that language for its updates', async () => {
    const reporter = uniqueAddress('reportero');
    const res = await api('/api/reports', {
      body: reportBody({ reporter: { email: reporter } }),
      headers: { 'accept-language': 'es-US,es;q=0.9' },
    });
    expect(res.status, res.text).toBe(201);
    const [ack] = await mailCount(reporter, 1);
    expect(ack!.subject).toBe(`Hemos recibido su reporte ${res.body.reference}`);
    expect(ack!.body.text).toContain('Gracias. Su reporte (bache) tiene la referencia');
    expect(linkIn(ack!, '/track/')).toBe(`${inject('baseUrl')}/es/track/?id=${res.body.reference}`);
    expect((await findSubscription(res.body.id, reporter))?.language).toBe('es');
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: itemKey(res.body.id) }));
    expect(Item?.reporterLanguage).toBe('es');

    // A reporter who sent no language: English, as every email was before languages.
    const plain = uniqueAddress('plain');
    const report = await createReport({ reporter: { email: plain } });
    const [plainAck] = await mailCount(plain, 1);
    expect(plainAck!.subject).toBe(`We received your report ${report.reference}`);
  }, 60_000);
});

describe('alerts in their language', () => {
  const farDay = () =>
    `23${10 + Math.floor(Math.random() * 89)}-0${1 + Math.floor(Math.random() * 9)}-${10 + Math.floor(Math.random() * 18)}`;
  const target: AlertTarget = { type: 'circle', center: { lat: 51.47, lng: -2.51 }, radiusMeters: 100 };

  /** The address's one alert as stored (the API answers 202 without an id). */
  async function storedAlertOf(email: string): Promise<StoredAlert> {
    const { Items } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': addressAlertsPK(email) },
      }),
    );
    expect(Items).toHaveLength(1);
    const { Item } = await db().send(
      new GetCommand({ TableName: tableName(), Key: alertKey(String(Items![0]!.alertId)), ConsistentRead: true }),
    );
    return Item as StoredAlert;
  }

  it('is confirmed in Spanish, stores its language, and its daily digest is in Spanish; an English one stays English', async () => {
    const email = uniqueAddress('alerta');
    const asked = await api('/api/alerts', {
      body: { email, target, frequency: 'daily' },
      headers: { 'accept-language': 'es' },
    });
    expect(asked.status, asked.text).toBe(202);
    const [confirmation] = await mailCount(email, 1);
    expect(confirmation!.subject).toBe('Confirme su alerta de Ciudad Demo');
    expect(confirmation!.body.text).toContain('reportes a menos de 100 m de 51.47000, -2.51000: un correo cada mañana');
    expect((await fetch(linkIn(confirmation!, '/confirm?'))).status).toBe(200);
    const alert = await storedAlertOf(email);
    expect(alert).toMatchObject({ status: 'confirmed', language: 'es' });

    // The positive control: an alert of the same kind asked for with no language.
    const plainEmail = uniqueAddress('alert-en');
    const plain = await confirmAlert((await createPendingAlert({ email: plainEmail, target, frequency: 'daily' })).confirmToken as string);

    const report = await createReport({ serviceCode: 'street-light' });
    const day = farDay();
    const entry = (a: StoredAlert) => ({
      email: a.email,
      itemId: report.id,
      change: 'new' as const,
      alertId: a.id,
      target: a.target,
      unsubscribeToken: a.unsubscribeToken,
      at: new Date().toISOString(),
    });
    const [spanishEntry, englishEntry] = [digestEntryRecord(day, entry(alert)), digestEntryRecord(day, entry(plain))];
    await putAlertRecords([spanishEntry, englishEntry]);
    const bucket = new TokenBucket(50);
    expect(await sendDigest(day, [spanishEntry], bucket)).toBe(1);
    expect(await sendDigest(day, [englishEntry], bucket)).toBe(1);

    const digest = (await mailTo(email)).find((m) => m.subject.startsWith('Alerta diaria'));
    expect(digest?.subject).toBe('Alerta diaria de Ciudad Demo: 1 reporte cambió');
    expect(digest?.body.text).toContain('Reportes nuevos (1)');
    expect(digest?.body.text).toContain(`(Farola apagada): Reportado`);
    expect(digest?.body.text).toContain(`/es/track/?id=${report.reference}`);
    expect(digest?.body.text).toContain('Gestionar mis alertas: ');
    expect(digest?.body.text).toContain('/es/alerts/?token=');
    expect(digest?.body.html).toContain('<html lang="es">');
    expect(digest?.body.html).not.toContain('New reports');

    const english = (await mailTo(plainEmail)).find((m) => m.subject.includes('daily alert'));
    expect(english?.subject).toBe('Demo City daily alert: 1 report changed');
    expect(english?.body.text).toContain('(Street light out): Reported');
    expect(english?.body.text).not.toContain('/es/');
  }, 60_000);

  it('an instant alert in Welsh mails a new report near it in Welsh; an English one beside it in English', async () => {
    // Demo City's north-west corner, where no other test pins.
    const center = { lat: 51.505, lng: -2.67 };
    const near: AlertTarget = { type: 'circle', center, radiusMeters: 100 };
    const cyEmail = uniqueAddress('rhybudd');
    const enEmail = uniqueAddress('alert-near');
    await confirmAlert(
      (await createPendingAlert({ email: cyEmail, target: near, frequency: 'instant', language: 'cy' })).confirmToken as string,
    );
    await confirmAlert((await createPendingAlert({ email: enEmail, target: near, frequency: 'instant' })).confirmToken as string);

    const report = await createReport({ location: { lat: center.lat + 0.0002, lng: center.lng } });
    const inWelsh = (await mailWith(cyEmail, report.reference, { timeoutMs: 30_000 })).find((m) => m.subject.includes(report.reference));
    expect(inWelsh!.subject).toBe(`Adroddiad newydd yn agos atoch: ${report.reference}`);
    expect(inWelsh!.body.text).toContain(`Adroddiad newydd ${report.reference} (twll yn y ffordd)`);
    expect(inWelsh!.body.text).toContain('Rydych yn cael hwn am eich bod yn dilyn adroddiadau o fewn 100 m i 51.50500, -2.67000.');
    expect(linkIn(inWelsh!, '/track/')).toBe(`${inject('baseUrl')}/cy/track/?id=${report.reference}`);
    expect(linkIn(inWelsh!, '/alerts/?token=')).toContain('/cy/alerts/?token=');
    expect(inWelsh!.body.html).toContain('<html lang="cy">');

    const inEnglish = (await mailWith(enEmail, report.reference, { timeoutMs: 30_000 })).find((m) => m.subject.includes(report.reference));
    expect(inEnglish!.subject).toBe(`New report near you: ${report.reference}`);
    expect(inEnglish!.body.text).toContain(`New pothole report ${report.reference}`);
    expect(linkIn(inEnglish!, '/track/')).toBe(`${inject('baseUrl')}/track/?id=${report.reference}`);
  }, 60_000);
});
