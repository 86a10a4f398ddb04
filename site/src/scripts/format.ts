import type { Phase } from '../../../shared/api-types.js';
import { ordinal } from '../../../shared/queue.js';

export const PHASE_LABELS: Record<Phase, string> = { waiting: 'Waiting', in_progress: 'In progress', done: 'Finished' };

/**
 * How long ago, in words a citizen reads at a glance.
 * @example age('2026-01-01T00:00:00Z', Date.parse('2026-01-03T00:00:00Z')) // '2 days'
 */
export function age(iso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 60) return minutes <= 1 ? 'just now' : `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? '' : 's'}`;
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** "12th in the queue for potholes". */
export function queueSentence(position: number, serviceName: string): string {
  return `${ordinal(position)} in the queue for ${serviceName.toLowerCase()}`;
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

/** One line for a history event: "Reported", "Moved to In progress", "Comment". */
export function eventHeadline(e: { type: string; toLabel?: string; field?: string; to?: string }): string {
  if (e.type === 'created') return 'Reported';
  if (e.type === 'transition') return `Moved to ${e.toLabel ?? e.to}`;
  if (e.type === 'closed') return `Closed: ${e.toLabel ?? e.to}`;
  if (e.type === 'comment') return 'Update from the team';
  if (e.type === 'field') return `${e.field === 'priority' ? 'Priority' : (e.field ?? 'Details')} changed${e.to ? ` to ${e.to}` : ''}`;
  return e.type;
}
