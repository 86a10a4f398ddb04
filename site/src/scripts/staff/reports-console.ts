import type { ListPage, ServiceView, StaffItem } from '../../../../shared/api-types.js';
import { ApiError, apiFetch } from '../api.js';
import { type AreaList, areaTitle } from '../area-names.js';
import type { SiteConfig } from '../config.js';
import { el, show, statusLine } from '../dom.js';
import { t } from '../i18n.js';
import { bindActions, pickPin, setActionServices, syncForms } from './actions.js';
import { byId, collectPages, countLine, markSelected, openLinksInPlace } from './fields.js';
import { closeItem, currentItem, initItem, openItem } from './item.js';
import { type QueueFilters, queueQuery, queueRow, sortItems, stateOptions } from './queue.js';
import { session, staffFetch } from './session.js';
import { servicesFor } from './types.js';
import { serviceName } from './words.js';

/** The Reports screen: the work queue with its filters, and the open item with the forms that act on it. */
let allServices: ServiceView[] = [];
let queueRequest = 0;
let actionsBound = false;

function filters(): QueueFilters {
  const v = (id: string) => byId<HTMLSelectElement>(id).value;
  return {
    service: v('f-service'),
    state: v('f-state'),
    priority: v('f-priority'),
    assignee: v('f-assignee'),
    area: v('f-area'),
    sort: v('f-sort') as QueueFilters['sort'],
    sla: v('f-sla'),
  };
}

function fetchQueue(f: QueueFilters): Promise<{ items: StaffItem[]; nextCursor?: string }> {
  const page = (cursor?: string) =>
    staffFetch<ListPage<StaffItem>>(`${queueQuery(f)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`).then((r) => r.body);
  return collectPages(page, 10);
}

/** Loads the work queue for the filters (every page, up to a few thousand items) and lists it. */
export async function loadQueue(): Promise<void> {
  const list = byId('queue');
  const status = byId('queue-status');
  if (servicesFor(allServices, session()?.groups ?? []).length === 0) {
    list.replaceChildren();
    return show(status, statusLine('empty', t('staff.queue.no_services')));
  }
  const request = ++queueRequest;
  list.setAttribute('aria-busy', 'true');
  show(status, statusLine('loading', t('staff.queue.loading')));
  const f = filters();
  let found: { items: StaffItem[]; nextCursor?: string };
  try {
    found = await fetchQueue(f);
  } catch (err) {
    if (request !== queueRequest) return;
    list.removeAttribute('aria-busy');
    list.replaceChildren();
    const why = err instanceof ApiError ? err.detail : t('staff.error.unknown');
    return show(status, statusLine('error', t('staff.queue.failed', { why })));
  }
  if (request !== queueRequest) return;
  const { items, nextCursor } = found;
  const open = currentItem()?.id;
  list.removeAttribute('aria-busy');
  list.replaceChildren(...sortItems(items, f.sort).map((i) => queueRow(i, i.id === open)));
  const count = countLine(items.length, 'items', !!nextCursor);
  show(status, items.length ? el('p', { class: 'muted' }, count) : statusLine('empty', t('staff.queue.empty')));
}

/** Opens the item named by `?id=` (a link, back/forward, a reload). */
export async function openFromUrl(focus = false): Promise<void> {
  const id = new URLSearchParams(location.search).get('id');
  if (!id) return;
  await openItem(id, { focus });
  const item = currentItem();
  if (item) markSelected(byId('queue'), item.id);
}

/** Sets the screen up for the services the signed-in member's groups act on. */
export function showReports(config: SiteConfig, services: ServiceView[], mine: ServiceView[]): void {
  allServices = services;
  // Nothing to filter for someone whose groups act on no report service: the queue says so instead.
  byId('filters').hidden = mine.length === 0;
  byId<HTMLSelectElement>('f-service').replaceChildren(
    el('option', { value: '' }, mine.length ? t('staff.filter.service.all') : t('staff.filter.service.none')),
    ...mine.map((sv) => el('option', { value: sv.code }, serviceName(sv.code, sv.name))),
  );
  const state = byId<HTMLSelectElement>('f-state');
  state.replaceChildren(el('option', { value: '' }, t('staff.filter.status.any')));
  stateOptions(state, mine);
  state.value = 'phase:waiting';
  void areaOptions();
  initItem(config, mine, { sync: syncForms, changed: () => void loadQueue(), pickPin });
  setActionServices(mine);
  if (!actionsBound) {
    actionsBound = true;
    bindActions();
  }
}

/** Fills the area filter from the jurisdiction's areas (shown only when it has some). */
async function areaOptions(): Promise<void> {
  const { body } = await apiFetch<AreaList>('/areas').catch(() => ({ body: { items: [] } as AreaList }));
  const select = byId<HTMLSelectElement>('f-area');
  select.replaceChildren(
    el('option', { value: '' }, t('staff.filter.area.any')),
    ...body.items.map((a) => el('option', { value: a.id }, areaTitle(body.label, a.name))),
  );
  byId('f-area-field').hidden = body.items.length === 0;
}

/** Forgets the queue and the open item (on sign-out). */
export function closeReports(): void {
  closeItem();
  byId('queue').replaceChildren();
}

export function bindReports(): void {
  byId('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    void loadQueue();
  });
  for (const id of ['f-service', 'f-state', 'f-priority', 'f-assignee', 'f-area', 'f-sla', 'f-sort'])
    byId(id).addEventListener('change', () => void loadQueue());
  openLinksInPlace(byId('queue'), () => void openFromUrl(true));
}
