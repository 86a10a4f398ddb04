import type { ServiceView } from '../../../../shared/api-types.js';
import type { ApiKeyView } from '../../../../shared/open311/api-keys.js';
import { ApiError } from '../api.js';
import { el, show, statusLine } from '../dom.js';
import { byId } from './fields.js';
import { staffFetch } from './session.js';

/** The admins' API-keys tab: create (the secret shown once), list, revoke. User text only as text. */
let services: ServiceView[] = [];

export async function showApiKeys(all: ServiceView[]): Promise<void> {
  services = all.filter((s) => s.kind === 'report');
  show(
    byId('key-services'),
    ...services.map((s) =>
      el('label', { class: 'inline' }, el('input', { type: 'checkbox', name: 'key-service', value: s.code }), ` ${s.name}`),
    ),
  );
  await loadKeys();
}

async function loadKeys(): Promise<void> {
  const list = byId('key-list');
  show(list, statusLine('loading', 'Loading keys…'));
  try {
    const { body } = await staffFetch<{ items: ApiKeyView[] }>('/staff/api-keys');
    if (body.items.length === 0) return show(list, statusLine('empty', 'No keys yet.'));
    show(list, keyTable(body.items));
  } catch (err) {
    show(list, statusLine('error', err instanceof ApiError ? err.detail : 'The keys could not be loaded.'));
  }
}

function keyTable(keys: ApiKeyView[]): HTMLElement {
  const name = (code: string) => services.find((s) => s.code === code)?.name ?? code;
  return el(
    'table',
    {},
    el('caption', { class: 'visually-hidden' }, 'API keys'),
    el('thead', {}, el('tr', {}, ...['Name', 'Services', 'Per minute', 'Created', 'State'].map((h) => el('th', { scope: 'col' }, h)))),
    el(
      'tbody',
      {},
      ...keys.map((k) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, k.name),
          el('td', {}, k.services.map(name).join(', ')),
          el('td', {}, k.ratePerMinute),
          el('td', {}, new Date(k.createdAt).toLocaleString()),
          el('td', {}, k.revokedAt ? `Revoked ${new Date(k.revokedAt).toLocaleString()}` : revokeButton(k)),
        ),
      ),
    ),
  );
}

function revokeButton(key: ApiKeyView): HTMLElement {
  const button = el('button', { type: 'button', class: 'secondary' }, 'Revoke', el('span', { class: 'visually-hidden' }, ` ${key.name}`));
  button.addEventListener('click', async () => {
    if (!confirm(`Revoke “${key.name}”? Systems using it stop at once.`)) return;
    button.setAttribute('disabled', '');
    try {
      await staffFetch(`/staff/api-keys/${encodeURIComponent(key.id)}`, { method: 'DELETE' });
    } finally {
      await loadKeys();
      byId('keys-h').focus();
    }
  });
  return button;
}

export function bindApiKeys(): void {
  byId<HTMLFormElement>('key-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const status = byId('key-form-status');
    const chosen = [...document.querySelectorAll<HTMLInputElement>('input[name="key-service"]:checked')].map((i) => i.value);
    status.textContent = 'Creating…';
    try {
      const { body } = await staffFetch<ApiKeyView & { secret: string }>('/staff/api-keys', {
        method: 'POST',
        json: { name: byId('key-name').value, services: chosen, ratePerMinute: Number(byId('key-rate').value) },
      });
      status.textContent = `Key “${body.name}” created.`;
      byId('key-secret-value').textContent = body.secret;
      byId('key-secret').hidden = false;
      byId('key-secret').focus();
      byId<HTMLFormElement>('key-form').reset();
      await loadKeys();
    } catch (err) {
      status.textContent =
        err instanceof ApiError
          ? [err.detail, ...err.errors.map((e) => `${e.path}: ${e.message}`)].join(' ')
          : 'The key could not be created.';
    }
  });
}
