import { describeTarget } from '../../../shared/alerts/describe.js';
import type { AlertTarget } from '../../../shared/alerts/schemas.js';
import { type ApiError, apiFetch } from './api.ts';
import { $, el, show, statusLine } from './dom.ts';

interface ManagedAlert {
  id: string;
  target: AlertTarget;
  frequency: 'instant' | 'daily';
  status: 'pending' | 'confirmed';
  createdAt: string;
  cancelToken: string;
}

const container = $('#alerts');

function row(alert: ManagedAlert): HTMLElement {
  const stop = el('button', { type: 'button', class: 'secondary' }, 'Stop this alert');
  const item = el(
    'li',
    {},
    el('strong', {}, describeTarget(alert.target)),
    ' — ',
    alert.frequency === 'daily' ? 'a daily digest' : 'an email as it happens',
    alert.status === 'pending' ? ' (waiting for you to confirm it from its email)' : '',
    ' ',
    stop,
  );
  stop.addEventListener('click', async () => {
    stop.disabled = true;
    try {
      await apiFetch(`/alerts/unsubscribe?token=${encodeURIComponent(alert.cancelToken)}`, {
        method: 'POST',
        headers: { accept: 'application/json' },
      });
      item.replaceChildren(el('span', { role: 'status' }, `Stopped: ${describeTarget(alert.target)}.`));
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
  container.setAttribute('aria-busy', 'false');
  if (!token) return;
  $('#manage').hidden = false;
  try {
    const { body } = await apiFetch<{ items: ManagedAlert[] }>(`/alerts/manage?token=${encodeURIComponent(token)}`);
    if (body.items.length === 0) return show(container, statusLine('empty', 'This address has no alerts.'));
    show(container, el('ul', {}, ...body.items.map(row)));
  } catch (err) {
    const status = (err as ApiError).status;
    show(
      container,
      statusLine(
        'error',
        status === 404 ? 'This link is not valid any more: every alert it belonged to has stopped.' : (err as Error).message,
      ),
    );
  }
}

void main();
