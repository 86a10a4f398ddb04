import type { Phase } from '../../../shared/api-types.js';
import { i18n, t } from './i18n.js';

/** The phases in the page's language (`common` catalog: `phase.*`). */
export const PHASE_LABELS: Record<Phase, string> = {
  waiting: t('phase.waiting'),
  in_progress: t('phase.in_progress'),
  done: t('phase.done'),
};

/**
 * How long ago, in words a citizen reads at a glance.
 * @example age('2026-01-01T00:00:00Z', Date.parse('2026-01-03T00:00:00Z')) // '2 days'
 */
export function age(iso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 60) return minutes <= 1 ? t('age.just_now') : t('age.minutes', { n: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return t('age.hours', { n: hours });
  return t('age.days', { n: Math.round(hours / 24) });
}

/**
 * How long ago, as a phrase that ends a sentence: "2 days ago", or "just now" (never "just now ago").
 * @example ago('2026-01-01T00:00:00Z', Date.parse('2026-01-03T00:00:00Z')) // '2 days ago'
 */
export function ago(iso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  return minutes <= 1 ? t('age.just_now') : t('age.ago', { age: age(iso, now) });
}

/** A date and time in the page's language and the jurisdiction's time zone: "2 Dec 2026, 14:05". */
export function formatDate(iso: string): string {
  return i18n.date(iso, 'datetime');
}

/** "12th in the queue for potholes", as a whole sentence of the page's language (ordinals by CLDR). */
export function queueSentence(position: number, serviceName: string): string {
  return t('queue.sentence', { position, service: serviceName.toLocaleLowerCase(i18n.locale) });
}

/**
 * A bounding box of about `metres` around a point, as the API's `bbox` parameter.
 * @example nearbyBox({lat: 51.45, lng: -2.59}, 50)
 */
export function nearbyBox(point: { lat: number; lng: number }, metres: number): string {
  const dLat = metres / 111_320;
  const dLng = metres / (111_320 * Math.cos((point.lat * Math.PI) / 180));
  const r = (n: number) => n.toFixed(6);
  return [r(point.lng - dLng), r(point.lat - dLat), r(point.lng + dLng), r(point.lat + dLat)].join(',');
}

/** Parses "51.45, -2.59" (lat, lng) typed into a box, or undefined. */
export function parseCoordinates(text: string): { lat: number; lng: number } | undefined {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*[, ]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!match) return undefined;
  const lat = Number(match[1]);
  const lng = Number(match[2]);
  return Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { lat, lng } : undefined;
}

/** One line for a history event: "Reported", "Moved to In progress", "Update from the team". */
export function eventHeadline(e: { type: string; toLabel?: string; field?: string; to?: string }): string {
  const state = e.toLabel ?? e.to ?? '';
  if (e.type === 'created') return t('event.created');
  if (e.type === 'transition') return t('event.moved', { state });
  if (e.type === 'closed') return t('event.closed', { state });
  if (e.type === 'comment') return t('event.comment');
  if (e.type === 'field') {
    if (e.field === 'priority') return e.to ? t('event.priority_to', { priority: e.to }) : t('event.priority');
    if (!e.field) return t('event.details');
    return e.to ? t('event.field_to', { field: e.field, value: e.to }) : t('event.field', { field: e.field });
  }
  return e.type;
}

/** A priority in words ("High"), for lists and options. */
export function priorityLabel(priority: string): string {
  return t('priority.label', { priority });
}
