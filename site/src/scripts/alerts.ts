import type { AlertTarget } from '../../../shared/alerts/schemas.js';
import type { Translator } from '../../../shared/i18n/translator.js';
import { type ApiError, apiFetch } from './api.js';
import { $, el, show, statusLine } from './dom.js';
import { i18n, t } from './i18n.js';

interface ManagedAlert {
  id: string;
  target: AlertTarget;
  frequency: 'instant' | 'daily';
  status: 'pending' | 'confirmed';
  createdAt: string;
  cancelToken: string;
}

/**
 * What an alert follows, in the page's language: "reports within 250 m of 51.46120, -2.60130".
 * Coordinates keep the dot and five decimals: they are what the citizen typed or clicked, not a figure.
 */
export function targetWords(target: AlertTarget, tr: Translator = i18n): string {
  switch (target.type) {
    case 'service':
      return tr.t('alerts.target.service', { service: tr.text(`service.${target.serviceCode}.name`, target.serviceCode) });
    case 'area':
      return tr.t('alerts.target.area', { area: target.areaId });
    case 'circle': {
      const distance =
        target.radiusMeters >= 1000
          ? tr.number(target.radiusMeters / 1000, { style: 'unit', unit: 'kilometer' })
          : tr.number(target.radiusMeters, { style: 'unit', unit: 'meter' });
      const at = `${target.center.lat.toFixed(5)}, ${target.center.lng.toFixed(5)}`;
      return tr.t('alerts.target.circle', { distance, at });
    }
  }
}

function row(alert: ManagedAlert): HTMLElement {
  const stop = el('button', { type: 'button', class: 'secondary' }, t('alerts.manage.stop'));
  const what = targetWords(alert.target);
  const line =
    alert.status === 'pending'
      ? t(alert.frequency === 'daily' ? 'alerts.manage.daily.pending' : 'alerts.manage.instant.pending')
      : t(alert.frequency === 'daily' ? 'alerts.manage.daily' : 'alerts.manage.instant');
  const item = el('li', {}, el('strong', {}, what), ' — ', line, ' ', stop);
  stop.addEventListener('click', async () => {
    stop.disabled = true;
    try {
      await apiFetch(`/alerts/unsubscribe?token=${encodeURIComponent(alert.cancelToken)}`, {
        method: 'POST',
        headers: { accept: 'application/json' },
      });
      item.replaceChildren(el('span', { role: 'status' }, t('alerts.manage.stopped', { what })));
    } catch (err) {
      stop.disabled = false;
      item.append(statusLine('error', (err as Error).message));
    }
  });
  return item;
}

/** "Manage my alerts": only with a token from an alert email's link; without one the page is just the form. */
async function main() {
  const token = new URLSearchParams(location.search).get('token')?.trim();
  const container = $('#alerts');
  container.setAttribute('aria-busy', 'false');
  if (!token) return;
  $('#manage').hidden = false;
  try {
    const { body } = await apiFetch<{ items: ManagedAlert[] }>(`/alerts/manage?token=${encodeURIComponent(token)}`);
    if (body.items.length === 0) return show(container, statusLine('empty', t('alerts.manage.none')));
    show(container, el('ul', {}, ...body.items.map(row)));
  } catch (err) {
    const status = (err as ApiError).status;
    show(container, statusLine('error', status === 404 ? t('alerts.manage.gone') : (err as Error).message));
  }
}

// The page's script: unit tests import targetWords without a page.
if (typeof document !== 'undefined' && document.getElementById('alerts')) void main();
