import { circleCover } from '../../../shared/alerts/geo.js';
import type { Alert, AlertTarget } from '../../../shared/alerts/schemas.js';
import { correlated } from '../../lib/correlation.js';
import { emailKey } from './subscriptions.js';

/**
 * Keys of alerts (follows of a service, an area or a circle) and the indexes the matcher reads.
 *
 *   ALERT#<id> #ALERT                 the alert: address, target, frequency, status
 *   ALERTS#<email key> <alert id>     an address's alerts (per-address limit, "manage my alerts")
 *   ALERTTOKEN#<token> #TOKEN         a confirm or unsubscribe/manage link → its alert
 *   ALERTIX#svc#<code> <alert id>     confirmed alerts by service
 *   ALERTIX#area#<area id> <alert id> confirmed alerts by area
 *   ALERTIX#cell#<geohash> <alert id> confirmed circle alerts by each cell of their cover (refined by distance)
 *
 * Index entries carry what a match needs (address, frequency, circle) so matching one item reads only
 * index partitions, never each alert; they are written when the alert is confirmed, so a pending alert
 * never matches.
 */
export const ALERT_SK = '#ALERT';
export const alertKey = (id: string) => ({ PK: `ALERT#${id}`, SK: ALERT_SK });
export const addressAlertsPK = (email: string) => `ALERTS#${emailKey(email)}`;
export const addressAlertKey = (email: string, id: string) => ({ PK: addressAlertsPK(email), SK: id });
export const alertTokenKey = (token: string) => ({ PK: `ALERTTOKEN#${token}`, SK: '#TOKEN' });
export type AlertTokenPurpose = 'confirm' | 'unsubscribe';

export const serviceIndexPK = (code: string) => `ALERTIX#svc#${code}`;
export const areaIndexPK = (areaId: string) => `ALERTIX#area#${areaId}`;
export const cellIndexPK = (cell: string) => `ALERTIX#cell#${cell}`;

/** The index partitions a confirmed alert is entered in. */
export function indexPartitions(target: AlertTarget): string[] {
  switch (target.type) {
    case 'service':
      return [serviceIndexPK(target.serviceCode)];
    case 'area':
      return [areaIndexPK(target.areaId)];
    case 'circle':
      return circleCover(target).map(cellIndexPK);
  }
}

/** What the matcher reads from an index entry. */
export interface AlertIndexEntry {
  alertId: string;
  email: string;
  frequency: Alert['frequency'];
  target: AlertTarget;
  /** For the one-click unsubscribe link in each alert email. */
  unsubscribeToken: string;
  /** The alert's language: the fan-out writes its emails in it. */
  language?: string;
}

export function indexRecords(alert: Alert & { unsubscribeToken: string }): Record<string, unknown>[] {
  const entry: AlertIndexEntry = {
    alertId: alert.id,
    email: alert.email,
    frequency: alert.frequency,
    target: alert.target,
    unsubscribeToken: alert.unsubscribeToken,
    ...(alert.language && { language: alert.language }),
  };
  return indexPartitions(alert.target).map((PK) => ({ PK, SK: alert.id, entity: 'alert-index', ...entry }));
}

export function alertRecord(alert: Alert & { confirmToken?: string; unsubscribeToken: string; expiresAt?: number }) {
  return { ...alertKey(alert.id), entity: 'alert', ...alert };
}

export function alertTokenRecord(token: string, purpose: AlertTokenPurpose, alertId: string, expiresAt?: number) {
  return { ...alertTokenKey(token), entity: 'alert-token', purpose, alertId, ...(expiresAt && { expiresAt }) };
}

/** The notification that emails a pending alert its confirmation link (`itemId` names the alert: deliveries key on it). */
export function alertRequestNotificationRecord(alertId: string, requestId: string, at: string, expiresAt: number) {
  return {
    PK: `ALERT#${alertId}`,
    SK: `NTF#${requestId}#alert.requested`,
    entity: 'notification',
    ...correlated(),
    kind: 'alert.requested',
    itemId: alertId,
    alertId,
    createdAt: at,
    expiresAt,
  };
}
