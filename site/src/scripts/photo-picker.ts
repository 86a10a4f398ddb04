import { PHOTO_LIMITS, PHOTO_TYPES } from '../../../shared/photos.js';
import { ApiError, apiFetch } from './api.js';
import { el, show } from './dom.js';
import { t } from './i18n.js';

/**
 * The report form's photos: up to 3, from the camera or files. Each file is sent straight to the upload
 * bucket with the presigned POST the API grants (progress shown per file), then processed; the form
 * shows its thumbnail, or why it cannot be used. Every control is a button or an input: keyboard-operable.
 */
interface Entry {
  key: number;
  file: File;
  state: 'uploading' | 'processing' | 'ready' | 'failed';
  uploadId?: string;
  reason?: string;
  alt: string;
  /** Settles once the upload is ready or failed. */
  done: Promise<void>;
}

interface Grant {
  uploadId: string;
  url: string;
  fields: Record<string, string>;
}

const entries: Entry[] = [];
let nextKey = 1;
let list: HTMLElement;
let status: HTMLElement;

/** A photo type the board takes, by MIME type or (for HEIC, which some browsers leave untyped) by name. */
export function photoType(file: Pick<File, 'type' | 'name'>): string | undefined {
  if ((PHOTO_TYPES as readonly string[]).includes(file.type)) return file.type;
  if (/\.(heic|heif)$/i.test(file.name)) return 'image/heic';
  return undefined;
}

/** Sends the file with XMLHttpRequest, the one browser API that reports upload progress. */
function post(grant: Grant, file: File, type: string, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(grant.fields)) form.append(k, v);
    form.append('file', file.slice(0, file.size, type));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', grant.url);
    xhr.upload.addEventListener('progress', (e) => e.lengthComputable && onProgress(e.loaded / e.total));
    xhr.addEventListener('load', () => (xhr.status < 300 ? resolve() : reject(new Error(t('photo.error.refused')))));
    xhr.addEventListener('error', () => reject(new Error(t('photo.error.interrupted'))));
    xhr.send(form);
  });
}

async function waitProcessed(entry: Entry): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const { body } = await apiFetch<{ status: string; reason?: string; thumbUrl?: string }>(`/reports/uploads/${entry.uploadId}`);
    if (body.status === 'ready') {
      entry.state = 'ready';
      render(entry.key, body.thumbUrl);
      return;
    }
    if (body.status === 'failed') throw new Error(body.reason ?? t('photo.error.processing'));
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(t('photo.error.slow'));
}

async function upload(entry: Entry): Promise<void> {
  const type = photoType(entry.file);
  try {
    if (!type) throw new Error(t('photo.error.type'));
    if (entry.file.size > PHOTO_LIMITS.bytes) throw new Error(t('photo.error.size', { mb: PHOTO_LIMITS.bytes / 1024 / 1024 }));
    const { body: grant } = await apiFetch<Grant>('/reports/uploads', {
      method: 'POST',
      json: { contentType: type, size: entry.file.size },
    });
    entry.uploadId = grant.uploadId;
    await post(grant, entry.file, type, (f) => progress(entry.key, f));
    entry.state = 'processing';
    render(entry.key);
    await waitProcessed(entry);
  } catch (err) {
    entry.state = 'failed';
    entry.reason = err instanceof ApiError ? err.detail : (err as Error).message;
    render(entry.key);
  }
}

function progress(key: number, fraction: number): void {
  const bar = list.querySelector<HTMLProgressElement>(`[data-key="${key}"] progress`);
  if (bar) bar.value = Math.round(fraction * 100);
}

/** A photo's line: "Photo 1 (pothole.jpg): Ready", one sentence per state so each language words it whole. */
function statusText(n: number, entry: Pick<Entry, 'file' | 'state' | 'reason'>): string {
  const values = { n, file: entry.file.name };
  if (entry.state === 'failed')
    return entry.reason ? t('photo.state.failed_reason', { ...values, reason: entry.reason }) : t('photo.state.failed', values);
  return t(`photo.state.${entry.state}`, values);
}

function render(key: number, thumbUrl?: string): void {
  const index = entries.findIndex((e) => e.key === key);
  const entry = entries[index];
  const item = list.querySelector<HTMLElement>(`[data-key="${key}"]`);
  if (!entry || !item) return;
  const n = index + 1;
  const preview = item.querySelector('img');
  if (thumbUrl && preview) preview.src = thumbUrl;
  const line = item.querySelector<HTMLElement>('.photo-status') as HTMLElement;
  line.textContent = statusText(n, entry);
  line.className = `photo-status${entry.state === 'failed' ? ' error' : ''}`;
  const bar = item.querySelector('progress');
  if (bar && entry.state !== 'uploading') bar.remove();
  status.textContent = line.textContent;
}

function add(file: File): void {
  if (entries.length >= PHOTO_LIMITS.perReport) {
    status.textContent = t('photo.limit', { n: PHOTO_LIMITS.perReport });
    return;
  }
  const key = nextKey++;
  const entry: Entry = { key, file, state: 'uploading', alt: '', done: Promise.resolve() };
  entries.push(entry);
  const n = entries.length;
  const altId = `photo-alt-${key}`;
  const alt = el('input', { type: 'text', id: altId, maxlength: PHOTO_LIMITS.alt, autocomplete: 'off' });
  alt.addEventListener('input', () => {
    entry.alt = alt.value;
  });
  const remove = el('button', { type: 'button', class: 'secondary' }, t('photo.remove', { n }));
  remove.addEventListener('click', () => {
    entries.splice(
      entries.findIndex((e) => e.key === key),
      1,
    );
    item.remove();
    status.textContent = t('photo.removed', { n: entries.length, max: PHOTO_LIMITS.perReport });
    ($('#photo-files') as HTMLElement).focus();
  });
  const item = el(
    'li',
    { 'data-key': key, class: 'photo' },
    el('img', { alt: '', width: 96, height: 96, src: PLACEHOLDER }),
    el(
      'div',
      {},
      el('p', { class: 'photo-status' }, statusText(n, entry)),
      el('progress', { max: 100, value: 0, 'aria-label': t('photo.progress', { n }) }),
      el('label', { for: altId }, t('photo.alt', { n })),
      alt,
      el('p', {}, remove),
    ),
  );
  list.append(item);
  previewInto(item.querySelector('img') as HTMLImageElement, file);
  entry.done = upload(entry);
}

/** A grey square until there is a preview (data: URLs only: the CSP allows no blob: images). */
const PLACEHOLDER =
  'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"%3E%3Crect width="1" height="1" fill="%23ddd"/%3E%3C/svg%3E';

function previewInto(img: HTMLImageElement, file: File): void {
  if (!/^image\/(jpeg|png|webp)$/.test(file.type) || file.size > 5 * 1024 * 1024) return;
  const reader = new FileReader();
  reader.addEventListener('load', () => {
    if (typeof reader.result === 'string') img.src = reader.result;
  });
  reader.readAsDataURL(file);
}

const $ = (s: string) => document.querySelector(s) as HTMLElement;

/** Wires the photo inputs of the report form. */
export function bindPhotoPicker(): void {
  list = $('#photo-list');
  status = $('#photo-status');
  for (const id of ['#photo-files', '#photo-camera']) {
    const input = $(id) as HTMLInputElement;
    input.addEventListener('change', () => {
      for (const file of Array.from(input.files ?? [])) add(file);
      input.value = '';
    });
  }
}

/** What the report is sent with: the photos ready by then (waiting for those still on their way). */
export async function readyPhotos(): Promise<{ photos: { uploadId: string; alt?: string }[]; failed: string[] }> {
  await Promise.all(entries.map((e) => e.done));
  const photos = entries
    .filter((e) => e.state === 'ready' && e.uploadId)
    .map((e) => ({ uploadId: e.uploadId as string, ...(e.alt.trim() ? { alt: e.alt.trim() } : {}) }));
  const failed = entries
    .filter((e) => e.state === 'failed')
    .map((e) => t('photo.failed_line', { file: e.file.name, reason: e.reason ?? t('photo.error.unusable') }));
  return { photos, failed };
}

/** The report was filed: start again with no photos. */
export function clearPhotos(): void {
  entries.splice(0);
  show(list);
}
