import type { StaffBill } from '../../../../shared/api-types.js';
import { ApiError } from '../api.js';
import { el } from '../dom.js';
import { i18n, lang, t } from '../i18n.js';
import { billNotice } from './bill-item.js';
import { byId } from './fields.js';
import { session, staffFetch } from './session.js';

/**
 * The office watchlist's extras in the bill panel: the note's earlier versions (who, when), the CSV download
 * of the whole list, and the member's own email alerts switch.
 */
export function syncWatchExtras(bill: StaffBill, office: string | undefined): void {
  const versions = bill.watch?.history ?? [];
  byId('watch-history-box').hidden = versions.length === 0;
  byId('watch-history').replaceChildren(
    ...versions.map((v) =>
      el(
        'li',
        {},
        el('strong', {}, t('staff.watch.version', { name: v.by.name, date: i18n.date(v.at) }), ' '),
        v.note ? el('span', { translate: 'no' }, v.note) : t('staff.watch.cleared'),
      ),
    ),
  );
  byId('watch-extras').hidden = !office;
  if (office) void loadAlerts();
}

async function loadAlerts(): Promise<void> {
  try {
    const { body } = await staffFetch<{ enabled: boolean }>('/staff/watchlist-alerts');
    byId<HTMLInputElement>('watch-alerts').checked = body.enabled;
  } catch {
    // The switch stays as it was; saving it reports any problem.
  }
}

async function saveAlerts(): Promise<void> {
  const box = byId<HTMLInputElement>('watch-alerts');
  try {
    await staffFetch('/staff/watchlist-alerts', { method: 'PUT', json: { enabled: box.checked } });
    billNotice('success', box.checked ? t('staff.watch.alerts_on') : t('staff.watch.alerts_off'));
  } catch (err) {
    box.checked = !box.checked;
    billNotice('error', err instanceof ApiError ? err.message : t('staff.watch.alerts_failed'));
  }
}

/** Downloads the office watchlist as CSV (the API sends it; a link click saves it under its file name). */
async function downloadCsv(): Promise<void> {
  const token = session()?.idToken;
  const res = token
    ? await fetch('/api/staff/watchlist?format=csv', { headers: { authorization: `Bearer ${token}`, 'accept-language': lang } }).catch(
        () => undefined,
      )
    : undefined;
  if (!res?.ok) {
    billNotice('error', t('staff.watch.csv_failed'));
    return;
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'watchlist.csv';
  const url = URL.createObjectURL(await res.blob());
  const link = el('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

let bound = false;

export function bindWatchExtras(): void {
  if (bound) return;
  bound = true;
  byId('watch-alerts').addEventListener('change', () => void saveAlerts());
  byId('watch-csv').addEventListener('click', () => void downloadCsv());
}
