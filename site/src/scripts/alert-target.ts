import type { Translator } from '../../../shared/i18n/translator.js';
import { parseCoordinates } from './format.js';
import { i18n } from './i18n.js';

/** What the alert form holds, as typed. */
export interface AlertFormValues {
  kind: 'circle' | 'area' | 'service';
  coordinates: string;
  radius: string;
  areaId: string;
  serviceCode: string;
  frequency: string;
  email: string;
}

/**
 * The `POST /api/alerts` body from the form, or the field errors the browser can tell without asking
 * (coordinates that do not parse, nothing chosen). Everything else is the API's to judge: its
 * problem+json `errors[].path` names the same fields (`target.radiusMeters`, `email`, …).
 * @example alertRequest({kind: 'circle', coordinates: '51.45, -2.59', radius: '500', areaId: '', serviceCode: '', frequency: 'daily', email: 'a@b.org'})
 */
export function alertRequest(f: AlertFormValues, tr: Translator = i18n): { body?: unknown; errors: { path: string; message: string }[] } {
  const errors: { path: string; message: string }[] = [];
  let target: unknown;
  if (f.kind === 'circle') {
    const center = parseCoordinates(f.coordinates);
    if (!center) errors.push({ path: 'target.center', message: tr.t('alerts.errors.center', { example: '51.4545, -2.5879' }) });
    target = { type: 'circle', center, radiusMeters: Number(f.radius) };
  } else if (f.kind === 'area') {
    if (!f.areaId) errors.push({ path: 'target.areaId', message: tr.t('alerts.errors.choose') });
    target = { type: 'area', areaId: f.areaId };
  } else {
    if (!f.serviceCode) errors.push({ path: 'target.serviceCode', message: tr.t('alerts.errors.choose') });
    target = { type: 'service', serviceCode: f.serviceCode };
  }
  if (errors.length) return { errors };
  return { body: { email: f.email.trim(), target, frequency: f.frequency === 'daily' ? 'daily' : 'instant' }, errors };
}

/** The API names an unknown area or service as a query parameter (`query.area`): show it at the field. */
export function fieldOf(path: string): string {
  if (path === 'query.area') return 'target.areaId';
  if (path === 'query.service') return 'target.serviceCode';
  if (path.startsWith('target.center')) return 'target.center';
  return path;
}
