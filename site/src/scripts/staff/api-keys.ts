import type { ServiceView } from '../../../../shared/api-types.js';
import type { ApiKeyView } from '../../../../shared/open311/api-keys.js';
import { ApiError } from '../api.js';
import { el, show, statusLine } from '../dom.js';
import { i18n, t } from '../i18n.js';
import { byId } from './fields.js';
import { staffFetch } from './session.js';
import { serviceName } from './words.js';

/** The admins' API-keys tab: create (the secret shown once), list, revoke. User text only as text. */
let services: ServiceView[] = [];

export async function showApiKeys(all: ServiceView[]): Promise<void> {
  services = all.filter((s) => s.kind === 'report');
  show(
    byId('key-services'),
    ...services.map((s) =>
      el(
        'label',
        { class: 'inline' },
        el('input', { type: 'checkbox', name: 'key-service', value: s.code }),
        ` ${serviceName(s.code, s.name)}`,
      ),
    ),
  );
  await loadKeys();
}

async function loadKeys(): Promise<void> {
  const list = byId('key-list');
  show(list, statusLine('loading', t('staff.keys.loading')));
  try {
    const { body } = await staffFetch<{ items: ApiKeyView[] }>('/staff/api-keys');
    if (body.items.length === 0) return show(list, statusLine('empty', t('staff.keys.empty')));
    show(list, keyTable(body.items));
  } catch (err) {
    show(list, statusLine('error', err instanceof ApiError ? err.detail : t('staff.keys.load_failed')));
  }
}

function keyTable(keys: ApiKeyView[]): HTMLElement {
  const name = (code: string) => serviceName(code, services.find((s) => s.code === code)?.name ?? code);
  const columns = ['name', 'services', 'rate', 'created', 'state'].map((c) => t(`staff.keys.col.${c}`));
  return el(
    'table',
    {},
    el('caption', { class: 'visually-hidden' }, t('staff.tabs.keys')),
    el('thead', {}, el('tr', {}, ...columns.map((h) => el('th', { scope: 'col' }, h)))),
    el(
      'tbody',
      {},
      ...keys.map((k) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row', translate: 'no' }, k.name),
          el('td', {}, i18n.list(k.services.map(name))),
          el('td', {}, i18n.number(k.ratePerMinute)),
          el('td', {}, i18n.date(k.createdAt)),
          el('td', {}, k.revokedAt ? t('staff.keys.revoked', { date: i18n.date(k.revokedAt) }) : revokeButton(k)),
        ),
      ),
    ),
  );
}

function revokeButton(key: ApiKeyView): HTMLElement {
  const button = el(
    'button',
    { type: 'button', class: 'secondary' },
    t('staff.keys.revoke'),
    el('span', { class: 'visually-hidden', translate: 'no' }, ` ${key.name}`),
  );
  button.addEventListener('click', async () => {
    if (!confirm(t('staff.keys.confirm', { name: key.name }))) return;
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
    status.textContent = t('staff.keys.creating');
    try {
      const { body } = await staffFetch<ApiKeyView & { secret: string }>('/staff/api-keys', {
        method: 'POST',
        json: { name: byId('key-name').value, services: chosen, ratePerMinute: Number(byId('key-rate').value) },
      });
      status.textContent = t('staff.keys.created', { name: body.name });
      byId('key-secret-value').textContent = body.secret;
      byId('key-secret').hidden = false;
      byId('key-secret').focus();
      byId<HTMLFormElement>('key-form').reset();
      await loadKeys();
    } catch (err) {
      status.textContent =
        err instanceof ApiError ? [err.detail, ...err.errors.map((e) => `${e.path}: ${e.message}`)].join(' ') : t('staff.keys.failed');
    }
  });
}
