import { type CreateAlertInput, MAX_ALERTS_PER_ADDRESS } from '../../shared/alerts/schemas.js';
import {
  addressAlertsOfToken,
  confirmAlert,
  countAddressAlerts,
  createPendingAlert,
  removeAlert,
  type StoredAlert,
} from '../store/alerts.js';
import { takeMailAllowance } from '../store/limits.js';
import { limitClient } from './limits.js';
import { areaParam, serviceParam } from './read-reports.js';

/**
 * Alerts (SPEC §12, docs/notifications.md): follow a service, an area or a circle. Double opt-in as
 * for item follows: the request makes a pending alert and a confirmation email; only a confirmed alert
 * matches anything. The caller is never told whether the address already has alerts or hit its limit.
 */
export async function requestAlert(input: () => CreateAlertInput, sourceIp: string, language?: string): Promise<void> {
  await limitClient('follow', sourceIp);
  const request = input();
  if (request.target.type === 'service') serviceParam(request.target.serviceCode);
  if (request.target.type === 'area') areaParam(request.target.areaId);
  if ((await countAddressAlerts(request.email)) >= MAX_ALERTS_PER_ADDRESS) return;
  if (!(await takeMailAllowance(request.email))) return;
  await createPendingAlert({ ...request, ...(language && { language }) });
}

export const confirmAlertLink = (token: string) => confirmAlert(token);
export const cancelAlertLink = (token: string) => removeAlert(token);

/** What "manage my alerts" shows: the address's alerts, never the address or any token but its own. */
export interface ManagedAlert {
  id: string;
  target: StoredAlert['target'];
  frequency: StoredAlert['frequency'];
  status: StoredAlert['status'];
  createdAt: string;
  /** The alert's own one-click cancel link token. */
  cancelToken: string;
}

export async function manageAlerts(token: string): Promise<ManagedAlert[]> {
  const alerts = await addressAlertsOfToken(token);
  return alerts.map((a) => ({
    id: a.id,
    target: a.target,
    frequency: a.frequency,
    status: a.status,
    createdAt: a.createdAt,
    cancelToken: a.unsubscribeToken,
  }));
}
