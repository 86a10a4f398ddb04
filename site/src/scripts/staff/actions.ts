import type { ListPage, Member, PublicItem, ServiceView, StaffItem } from '../../../../shared/api-types.js';
import { apiFetch } from '../api.js';
import { el } from '../dom.js';
import { nearbyBox } from '../format.js';
import { t } from '../i18n.js';
import { byId, lockWhile } from './fields.js';
import { currentItem, notice, writeItem } from './item.js';
import { bindModeration, syncModeration } from './moderation.js';
import { staffFetch } from './session.js';
import { moveName, resolutionName, serviceName, stateName } from './words.js';

/**
 * The action forms beside the open item. They live in the page, not in the re-rendered item view, so
 * a refresh (after a save, or a stale-version refusal) never wipes what the user typed: a control the
 * user has touched is marked dirty and keeps its value until it is saved or another item is opened.
 */
const select = (id: string) => byId<HTMLSelectElement>(id);
const dirty = (c: HTMLElement) => c.dataset.dirty === '1';
const members = new Map<string, Promise<Member[]>>();
let services: ServiceView[] = [];

function setIfClean(control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string): void {
  if (!dirty(control)) control.value = value;
}

function clean(form: HTMLFormElement, { clearText = false } = {}): void {
  for (const c of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, select, textarea')) {
    delete c.dataset.dirty;
    if (clearText && (c instanceof HTMLTextAreaElement || c.type === 'text')) c.value = '';
  }
}

function options(target: HTMLSelectElement, list: { value: string; label: string }[], keep = true): void {
  const before = target.value;
  target.replaceChildren(...list.map((o) => el('option', { value: o.value }, o.label)));
  if (keep && dirty(target) && list.some((o) => o.value === before)) target.value = before;
  else delete target.dataset.dirty;
}

async function loadMembers(item: StaffItem): Promise<void> {
  let list = members.get(item.serviceCode);
  if (!list) {
    list = staffFetch<{ items: Member[] }>(`/staff/services/${encodeURIComponent(item.serviceCode)}/members`).then((r) => r.body.items);
    list.catch(() => members.delete(item.serviceCode));
    members.set(item.serviceCode, list);
  }
  const people = await list.catch(() => [] as Member[]);
  const target = select('assignee');
  const opts = [{ value: '', label: t('staff.unassigned') }, ...people.map((m) => ({ value: m.id, label: `${m.name} (${m.id})` }))];
  if (item.assignee && !people.some((m) => m.id === item.assignee?.id)) opts.push({ value: item.assignee.id, label: item.assignee.name });
  options(target, opts);
  setIfClean(target, item.assignee?.id ?? '');
}

function transitionFields(item: StaffItem): void {
  const to = select('transition-to');
  const target = item.transitions.find((t) => t.to === to.value);
  const resolutions = target?.resolutions ?? [];
  byId('resolution-field').hidden = resolutions.length === 0;
  const res = select('resolution');
  const choose = resolutions.length > 1 ? [{ value: '', label: t('staff.move.choose_resolution') }] : [];
  options(res, [...choose, ...resolutions.map((r) => ({ value: r, label: resolutionName(r) }))]);
  byId('duplicate-field').hidden = res.value !== 'duplicate';
}

/** Offers open reports of the same service within about 200 m as the original of a duplicate. */
async function duplicateOptions(item: StaffItem): Promise<void> {
  const list = byId('duplicate-options');
  list.replaceChildren();
  if (!item.location) return;
  const q = `/reports?service=${encodeURIComponent(item.serviceCode)}&bbox=${nearbyBox(item.location, 200)}&limit=20`;
  const { body } = await apiFetch<ListPage<PublicItem>>(q).catch(() => ({ body: { items: [] as PublicItem[] } }));
  for (const other of body.items.filter((o) => o.id !== item.id))
    list.append(el('option', { value: other.reference }, `${other.title} (${other.statusLabel})`));
}

/** Fills every form for the open item; `fresh` (another item) starts the forms over. */
export function syncForms(item: StaffItem, fresh: boolean): void {
  if (fresh) for (const f of document.querySelectorAll<HTMLFormElement>('#item-actions form')) clean(f, { clearText: true });
  void loadMembers(item);
  setIfClean(select('priority'), item.priority);
  const same = services.filter(
    (s) => JSON.stringify(s.workflow) === JSON.stringify(services.find((x) => x.code === item.serviceCode)?.workflow),
  );
  options(
    select('service-code'),
    same.map((s) => ({ value: s.code, label: serviceName(s.code, s.name) })),
  );
  setIfClean(select('service-code'), item.serviceCode);
  setIfClean(byId('pin-lat'), item.location ? String(Number(item.location.lat.toFixed(6))) : '');
  setIfClean(byId('pin-lng'), item.location ? String(Number(item.location.lng.toFixed(6))) : '');
  const moves = item.transitions.map((m) => ({
    value: m.to,
    label: t('staff.move.option', {
      move: moveName(item.serviceCode, item.status, m.to, m.label),
      state: stateName(item.serviceCode, m.to, m.toLabel),
    }),
  }));
  options(select('transition-to'), moves.length ? moves : [{ value: '', label: t('staff.move.none') }]);
  byId<HTMLButtonElement>('transition-submit').disabled = moves.length === 0;
  transitionFields(item);
  syncModeration(item);
  if (fresh) void duplicateOptions(item);
}

export function pickPin(p: { lat: number; lng: number }): void {
  for (const [id, v] of [
    ['pin-lat', p.lat],
    ['pin-lng', p.lng],
  ] as const) {
    const c = byId(id);
    c.value = v.toFixed(6);
    c.dataset.dirty = '1';
  }
  byId('pin-lat').focus();
}

function onSubmit(id: string, send: (form: HTMLFormElement) => Promise<boolean | undefined>): void {
  const form = byId<HTMLFormElement>(id);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (await lockWhile(form, () => send(form), id === 'transition-form' ? keepMoveDisabled : undefined)) clean(form, { clearText: true });
  });
}

/** An item with no moves from its state keeps "Move" disabled once the form is free again. */
function keepMoveDisabled(): void {
  const item = currentItem();
  if (item) byId<HTMLButtonElement>('transition-submit').disabled = item.transitions.length === 0;
}

function commentMode(): void {
  const pub = byId('visibility-public').checked;
  byId('comment-form').classList.toggle('public', pub);
  byId('comment-label').textContent = pub ? t('staff.comment.label.public') : t('staff.comment.label.internal');
  byId('comment-submit').textContent = pub ? t('staff.comment.submit.public') : t('staff.comment.submit.internal');
}

export function setActionServices(allowed: ServiceView[]): void {
  services = allowed;
}

export function bindActions(): void {
  const actions = byId('item-actions');
  const mark = (e: Event) => ((e.target as HTMLElement).dataset.dirty = '1');
  actions.addEventListener('input', mark);
  actions.addEventListener('change', mark);
  select('transition-to').addEventListener('change', () => {
    const item = currentItem();
    if (item) transitionFields(item);
  });
  select('resolution').addEventListener('change', () => {
    byId('duplicate-field').hidden = select('resolution').value !== 'duplicate';
  });
  for (const id of ['visibility-public', 'visibility-internal']) byId(id).addEventListener('change', commentMode);
  bindModeration();
  commentMode();

  byId('assign-me').addEventListener(
    'click',
    () =>
      void writeItem('', 'PATCH', { assignee: 'me' }, t('staff.saved.assigned_me')).then(
        (ok) => ok && clean(byId<HTMLFormElement>('assign-form')),
      ),
  );
  onSubmit('assign-form', () => {
    const who = select('assignee').value;
    return writeItem('', 'PATCH', { assignee: who || null }, who ? t('staff.saved.assigned', { who }) : t('staff.saved.unassigned'));
  });
  onSubmit('priority-form', () =>
    writeItem('', 'PATCH', { priority: select('priority').value }, t('staff.saved.priority', { priority: select('priority').value })),
  );
  onSubmit('correct-form', async () => {
    const item = currentItem();
    if (!item) return false;
    const patch: Record<string, unknown> = {};
    if (select('service-code').value !== item.serviceCode) patch.serviceCode = select('service-code').value;
    const lat = byId('pin-lat').valueAsNumber;
    const lng = byId('pin-lng').valueAsNumber;
    // The fields show six decimals (about 10 cm): only a real move counts as a correction.
    const moved = (a: number, b: number | undefined) => b === undefined || Math.abs(a - b) > 5e-7;
    if (Number.isFinite(lat) && Number.isFinite(lng) && (moved(lat, item.location?.lat) || moved(lng, item.location?.lng)))
      patch.location = { lat, lng };
    if (Object.keys(patch).length === 0) return void notice('error', t('staff.correct.nothing'));
    return writeItem('', 'PATCH', patch, t('staff.saved.corrections'));
  });
  onSubmit('transition-form', async () => {
    const to = select('transition-to').value;
    const resolution = byId('resolution-field').hidden ? undefined : select('resolution').value || undefined;
    if (!byId('resolution-field').hidden && !resolution) return void notice('error', t('staff.move.resolution_needed'));
    const duplicateOf = resolution === 'duplicate' ? byId('duplicate-of').value.trim() : undefined;
    if (resolution === 'duplicate' && !duplicateOf) return void notice('error', t('staff.move.duplicate_needed'));
    const note = byId<HTMLTextAreaElement>('transition-note').value.trim() || undefined;
    const label = select('transition-to').selectedOptions[0]?.textContent ?? to;
    return writeItem('/transitions', 'POST', { to, note, resolution, duplicateOf }, t('staff.saved.moved', { label }));
  });
  onSubmit('comment-form', async () => {
    const body = byId<HTMLTextAreaElement>('comment-body');
    const error = byId('comment-error');
    error.hidden = !!body.value.trim();
    if (body.value.trim()) body.removeAttribute('aria-invalid');
    else body.setAttribute('aria-invalid', 'true');
    if (!body.value.trim()) {
      error.textContent = t('staff.comment.empty');
      body.focus();
      return false;
    }
    const visibility = byId('visibility-public').checked ? 'public' : 'internal';
    return writeItem(
      '/comments',
      'POST',
      { body: body.value.trim(), visibility },
      visibility === 'public' ? t('staff.saved.public_update') : t('staff.saved.internal_note'),
    );
  });
}
