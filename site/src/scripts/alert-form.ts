import type L from 'leaflet';
import type { ServiceView } from '../../../shared/api-types.js';
import { alertRequest, fieldOf } from './alert-target.js';
import { type ApiError, apiFetch } from './api.js';
import { type AreaList, areaTitle } from './area-names.js';
import { brand, loadConfig } from './config.js';
import { $, el, show } from './dom.js';
import { t, word } from './i18n.js';
import { createMap } from './map.js';

const form = $('#alert-form') as HTMLFormElement;
const coords = $('#alert-coordinates') as HTMLInputElement;
const radius = $('#alert-radius') as HTMLSelectElement;
const areaSelect = $('#alert-area') as HTMLSelectElement;
const serviceSelect = $('#alert-service') as HTMLSelectElement;
let map: L.Map | undefined;
let circle: L.Circle | undefined;

const kind = () => (form.querySelector('input[name="kind"]:checked') as HTMLInputElement).value as 'circle' | 'area' | 'service';

/** Shows the fields of the chosen kind only. */
function showKind() {
  $('#circle-fields').hidden = kind() !== 'circle';
  $('#area-fields').hidden = kind() !== 'area';
  $('#service-fields').hidden = kind() !== 'service';
  if (kind() === 'circle') map?.invalidateSize();
}

/** Draws the followed circle on the map (the coordinates field is the source of truth). */
async function drawCircle() {
  if (!map) return;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*[, ]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(coords.value);
  if (!m) return;
  const center: [number, number] = [Number(m[1]), Number(m[2])];
  const leaflet = (await import('leaflet')).default;
  if (!circle)
    circle = leaflet.circle(center, { radius: Number(radius.value), color: '#1d4ed8', weight: 2, interactive: false }).addTo(map);
  else circle.setLatLng(center).setRadius(Number(radius.value));
}

function clearErrors() {
  show($('#alert-errors'));
  for (const p of form.querySelectorAll<HTMLElement>('.field-error')) {
    p.hidden = true;
    p.textContent = '';
  }
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
}

/** Each error under its field, and a summary at the top (focused) linking to them. */
function showErrors(errors: { path: string; message: string }[], detail: string) {
  const items: HTMLElement[] = [];
  for (const e of errors) {
    const box = document.getElementById(`${fieldOf(e.path)}-error`);
    const input = box?.parentElement?.querySelector(`[aria-describedby~="${CSS.escape(box.id)}"]`) as HTMLElement | null;
    if (box) {
      box.hidden = false;
      box.textContent = e.message;
      input?.setAttribute('aria-invalid', 'true');
    }
    const label = input?.id ? document.querySelector(`label[for="${input.id}"]`)?.textContent?.trim() : undefined;
    const line = t('alerts.errors.item', { field: label ?? e.path, message: e.message });
    items.push(el('li', {}, input?.id ? el('a', { href: `#${input.id}` }, line) : line));
  }
  const summary = el(
    'div',
    { class: 'notice error', role: 'alert' },
    el('p', {}, errors.length ? t('alerts.errors.summary') : detail),
    ...(items.length ? [el('ul', {}, ...items)] : []),
  );
  show($('#alert-errors'), summary);
  $('#alert-errors').focus();
}

async function submit(event: SubmitEvent) {
  event.preventDefault();
  clearErrors();
  show($('#alert-result'));
  const request = alertRequest({
    kind: kind(),
    coordinates: coords.value,
    radius: radius.value,
    areaId: areaSelect.value,
    serviceCode: serviceSelect.value,
    frequency: (form.querySelector('input[name="frequency"]:checked') as HTMLInputElement).value,
    email: ($('#alert-email') as HTMLInputElement).value,
  });
  if (!request.body) return showErrors(request.errors, '');
  const button = $('#alert-submit') as HTMLButtonElement;
  button.disabled = true;
  try {
    await apiFetch('/alerts', { method: 'POST', json: request.body });
    show($('#alert-result'), el('p', { class: 'notice success', role: 'status' }, t('alerts.created')));
    $('#alert-result').focus();
  } catch (err) {
    const problem = err as ApiError;
    showErrors(problem.errors, problem.status === 429 ? `${problem.message}` : problem.message);
  } finally {
    button.disabled = false;
  }
}

/** Fills the lists, honours `?area=`, `?service=`, `?lat=&lng=` (links from the area and item pages), and the map. */
async function main() {
  void brand();
  const params = new URLSearchParams(location.search);
  const config = await loadConfig();
  const [{ body: services }, areas] = await Promise.all([
    apiFetch<{ items: ServiceView[] }>('/services'),
    config.areas ? apiFetch<AreaList>('/areas').then((r) => r.body) : Promise.resolve(undefined),
  ]);
  for (const s of services.items.filter((s) => s.kind === 'report'))
    serviceSelect.append(el('option', { value: s.code }, word(`service.${s.code}.name`, s.name)));
  if (areas?.items.length) {
    // The page names the council's word for its areas already (built from the same jurisdiction).
    const label = word('areas.label', areas.label ?? config.areas?.label ?? t('alerts.area.word'));
    for (const a of areas.items) areaSelect.append(el('option', { value: a.id, translate: 'no' }, areaTitle(label, a.name)));
  } else $('#kind-area-label').hidden = true;

  const check = (value: string) => ((form.querySelector(`input[name="kind"][value="${value}"]`) as HTMLInputElement).checked = true);
  const area = params.get('area');
  const service = params.get('service');
  const lat = params.get('lat');
  const lng = params.get('lng');
  if (area && areas?.items.some((a) => a.id === area)) {
    check('area');
    areaSelect.value = area;
  } else if (service && services.items.some((s) => s.code === service)) {
    check('service');
    serviceSelect.value = service;
  } else if (lat && lng && Number.isFinite(Number(lat)) && Number.isFinite(Number(lng))) coords.value = `${Number(lat)}, ${Number(lng)}`;
  showKind();

  map = createMap($('#alert-map'), config, {
    label: t('alerts.map'),
    ...(lat && lng && { center: [Number(lat), Number(lng)] as [number, number], zoom: 15 }),
  });
  map.on('click', (e: L.LeafletMouseEvent) => {
    coords.value = `${Math.round(e.latlng.lat * 1e6) / 1e6}, ${Math.round(e.latlng.lng * 1e6) / 1e6}`;
    void drawCircle();
  });
  void drawCircle();
}

for (const radio of form.querySelectorAll('input[name="kind"]')) radio.addEventListener('change', showKind);
coords.addEventListener('change', () => void drawCircle());
radius.addEventListener('change', () => void drawCircle());
$('#alert-locate').addEventListener('click', () => {
  navigator.geolocation?.getCurrentPosition(
    (p) => {
      coords.value = `${Math.round(p.coords.latitude * 1e6) / 1e6}, ${Math.round(p.coords.longitude * 1e6) / 1e6}`;
      map?.setView([p.coords.latitude, p.coords.longitude], 15);
      void drawCircle();
    },
    () => showErrors([{ path: 'target.center', message: t('alerts.errors.location') }], ''),
  );
});
form.addEventListener('submit', (e) => void submit(e as SubmitEvent));
void main();
