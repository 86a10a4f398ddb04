import type L from 'leaflet';
import type { PublicItem, ServiceView } from '../../../shared/api-types.js';
import { type ApiError, apiFetch } from './api.js';
import { loadConfig } from './config.js';
import { $, el, show, statusBadge } from './dom.js';
import { nearbyBox, parseCoordinates } from './format.js';
import { href, t, word } from './i18n.js';
import { createMap } from './map.js';
import { bindPhotoPicker, clearPhotos, readyPhotos } from './photo-picker.js';

const form = $('#report-form') as HTMLFormElement;
const coords = $('#coordinates') as HTMLInputElement;
const service = $('#serviceCode') as HTMLSelectElement;
let location: { lat: number; lng: number } | undefined;
let marker: L.Marker | undefined;
let map: L.Map | undefined;
/** One key per filled-in report: a double click or a retry after a timeout files it once. */
let idempotencyKey = crypto.randomUUID();

/** The request body from the form: only fields that were filled in. */
export function reportBody(
  f: { serviceCode: string; description: string; address: string; name: string; email: string; phone: string; subscribe: boolean },
  at?: { lat: number; lng: number },
) {
  const reporter = Object.fromEntries(Object.entries({ name: f.name, email: f.email, phone: f.phone }).filter(([, v]) => v.trim()));
  return {
    serviceCode: f.serviceCode,
    description: f.description,
    ...(at && { location: at }),
    ...(f.address.trim() && { address: f.address.trim() }),
    ...(Object.keys(reporter).length && { reporter }),
    ...(f.email.trim() && { subscribe: f.subscribe }),
  };
}

function setLocation(point: { lat: number; lng: number }, from: 'map' | 'text') {
  location = { lat: Math.round(point.lat * 1e6) / 1e6, lng: Math.round(point.lng * 1e6) / 1e6 };
  if (from !== 'text') coords.value = `${location.lat}, ${location.lng}`;
  void placeMarker();
  void checkNearby();
}

async function placeMarker() {
  if (!map || !location) return;
  const leaflet = (await import('leaflet')).default;
  if (!marker) {
    marker = leaflet
      .marker([location.lat, location.lng], { draggable: true, keyboard: false, title: t('report.pin'), alt: t('report.pin') })
      .addTo(map);
    marker.on('dragend', () => {
      const p = marker?.getLatLng();
      if (p) setLocation({ lat: p.lat, lng: p.lng }, 'map');
    });
  } else marker.setLatLng([location.lat, location.lng]);
}

/** Open reports of the same service within ~50 m: "is it one of these? follow it instead". */
async function checkNearby() {
  const box = $('#nearby');
  if (!location || !service.value) return show(box);
  try {
    const { body } = await apiFetch<{ items: PublicItem[] }>(
      `/reports?service=${encodeURIComponent(service.value)}&bbox=${nearbyBox(location, 50)}&limit=20`,
    );
    const open = body.items.filter((i) => i.phase !== 'done');
    if (open.length === 0) return show(box);
    show(
      box,
      el(
        'div',
        { class: 'notice' },
        el('h2', {}, t('report.nearby.heading')),
        el('p', {}, t('report.nearby.text')),
        el(
          'ul',
          { class: 'items' },
          ...open.map((i) =>
            el(
              'li',
              {},
              el('a', { href: href(`/track/?id=${encodeURIComponent(i.reference)}`), translate: 'no' }, i.title),
              ' ',
              statusBadge(i.phase, i.statusLabel),
              el('div', { class: 'muted' }, `${i.reference} · `, el('span', { translate: 'no' }, i.description.slice(0, 120))),
            ),
          ),
        ),
      ),
    );
  } catch {
    show(box);
  }
}

/** The service as the queue sentence names it, in the page's language. */
function queueService(item: PublicItem): string {
  return word(`service.${item.serviceCode}.name`, item.serviceName).toLocaleLowerCase(document.documentElement.lang || undefined);
}

function clearErrors() {
  for (const p of form.querySelectorAll<HTMLElement>('.field-error')) {
    p.hidden = true;
    p.textContent = '';
  }
  for (const i of form.querySelectorAll('[aria-invalid]')) i.removeAttribute('aria-invalid');
  show($('#form-errors'));
}

const FIELD_FOR: Record<string, string> = {
  serviceCode: 'serviceCode',
  description: 'description',
  location: 'coordinates',
  address: 'address',
  'reporter.name': 'name',
  'reporter.email': 'email',
  'reporter.phone': 'phone',
};

function showErrors(errors: { path: string; message: string }[], fallback: string) {
  const items: HTMLElement[] = [];
  for (const e of errors) {
    const path = e.path.startsWith('location') ? 'location' : e.path;
    const slot = document.getElementById(`${path}-error`);
    const input = document.getElementById(FIELD_FOR[path] ?? '');
    if (slot) {
      slot.hidden = false;
      slot.textContent = e.message;
    }
    input?.setAttribute('aria-invalid', 'true');
    items.push(
      el(
        'li',
        {},
        el('a', { href: `#${FIELD_FOR[path] ?? 'report-form'}` }, t('report.error.item', { field: labelFor(path), message: e.message })),
      ),
    );
  }
  const summary = $('#form-errors');
  show(
    summary,
    el(
      'div',
      { class: 'notice error', role: 'alert' },
      el('h2', {}, t('report.error.heading')),
      items.length ? el('ul', {}, ...items) : el('p', {}, fallback),
    ),
  );
  summary.focus();
}

function labelFor(path: string): string {
  const input = document.getElementById(FIELD_FOR[path] ?? '');
  return (input && document.querySelector(`label[for="${input.id}"]`)?.textContent?.trim()) || path;
}

async function submit(event: SubmitEvent) {
  event.preventDefault();
  clearErrors();
  const typed = coords.value.trim();
  if (typed) {
    const parsed = parseCoordinates(typed);
    if (!parsed) return showErrors([{ path: 'location', message: t('report.error.coordinates') }], '');
    location = parsed;
  }
  const value = (id: string) => ($(`#${id}`) as HTMLInputElement).value;
  const body = reportBody(
    {
      serviceCode: service.value,
      description: value('description'),
      address: value('address'),
      name: value('name'),
      email: value('email'),
      phone: value('phone'),
      subscribe: ($('#subscribe') as HTMLInputElement).checked,
    },
    location,
  );
  const button = $('#submit') as HTMLButtonElement;
  button.disabled = true;
  try {
    const { photos, failed } = await readyPhotos();
    const { item, dropped } = await send(body, photos);
    idempotencyKey = crypto.randomUUID();
    clearPhotos();
    const notAttached = [...failed, ...dropped];
    form.hidden = true;
    const result = $('#result');
    show(
      result,
      el(
        'div',
        { class: 'notice success' },
        el('h2', {}, t('report.done.heading')),
        el('p', {}, t('report.done.reference'), ' ', el('strong', { id: 'reference' }, item.reference)),
        el('p', {}, t('report.done.quote')),
        item.queuePosition ? el('p', {}, t('report.done.queue', { position: item.queuePosition, service: queueService(item) })) : null,
        item.photos?.length ? el('p', { id: 'photo-count' }, t('report.done.photos', { n: item.photos.length })) : null,
        notAttached.length
          ? el(
              'div',
              { id: 'photos-not-attached' },
              el('p', {}, t('report.done.not_attached')),
              el('ul', {}, ...notAttached.map((f) => el('li', {}, f))),
            )
          : null,
        el('p', {}, el('a', { href: href(`/track/?id=${encodeURIComponent(item.reference)}`), id: 'track-link' }, t('report.done.track'))),
      ),
    );
    result.focus();
  } catch (err) {
    const e = err as ApiError;
    showErrors(e.errors ?? [], e.message);
  } finally {
    button.disabled = false;
  }
}

/**
 * Files the report with its photos; if a photo is refused at this point (expired, or taken meanwhile),
 * files it again without the refused photos, so a photo never stops a report, and says which.
 */
async function send(body: ReturnType<typeof reportBody>, photos: { uploadId: string; alt?: string }[]) {
  const post = (list: typeof photos, key: string) =>
    apiFetch<PublicItem>('/reports', {
      method: 'POST',
      json: { ...body, ...(list.length && { photos: list }) },
      headers: { 'idempotency-key': key },
    });
  try {
    return { item: (await post(photos, idempotencyKey)).body, dropped: [] as string[] };
  } catch (err) {
    const e = err as ApiError;
    const refused = new Set((e.errors ?? []).filter((x) => /^photos(\.|$)/.test(x.path)).map((x) => Number(x.path.split('.')[1])));
    if (!refused.size || (e.errors ?? []).some((x) => !x.path.startsWith('photos'))) throw err;
    const kept = photos.filter((_, i) => !refused.has(i) && !refused.has(Number.NaN));
    const dropped = (e.errors ?? []).map((x) => {
      const n = Number(x.path.split('.')[1]) + 1;
      return n ? t('report.photo.dropped', { n, message: x.message }) : t('report.photos.dropped', { message: x.message });
    });
    idempotencyKey = crypto.randomUUID();
    return { item: (await post(kept, idempotencyKey)).body, dropped };
  }
}

async function main() {
  bindPhotoPicker();
  const { body } = await apiFetch<{ items: ServiceView[] }>('/services');
  for (const s of body.items.filter((x) => x.kind === 'report'))
    service.append(el('option', { value: s.code }, word(`service.${s.code}.name`, s.name)));
  service.addEventListener('change', () => void checkNearby());
  coords.addEventListener('change', () => {
    const parsed = parseCoordinates(coords.value);
    if (parsed) setLocation(parsed, 'text');
  });
  form.addEventListener('submit', (e) => void submit(e as SubmitEvent));
  $('#locate').addEventListener('click', () => {
    navigator.geolocation?.getCurrentPosition(
      (pos) => {
        setLocation({ lat: pos.coords.latitude, lng: pos.coords.longitude }, 'map');
        map?.setView([pos.coords.latitude, pos.coords.longitude], 17);
      },
      () => showErrors([{ path: 'location', message: t('report.error.geolocation') }], ''),
    );
  });
  const config = await loadConfig();
  map = createMap($('#map'), config, { label: t('report.map.label') });
  map.on('click', (e: L.LeafletMouseEvent) => setLocation({ lat: e.latlng.lat, lng: e.latlng.lng }, 'map'));
}

main().catch((err: Error) => show($('#form-errors'), el('p', { class: 'notice error', role: 'alert' }, err.message)));
