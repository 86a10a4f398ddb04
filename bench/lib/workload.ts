import { listServices } from '../../shared/catalog/index.js';
import { jurisdiction } from '../../shared/jurisdiction/index.js';
import { prng } from './suite.js';

const services = listServices('report').map((s) => s.code);
const [lat0, lng0] = jurisdiction.map.center;

/** ~2 km boxes inside the demo city (the seeded reports cover center ±0.04° lat, ±0.065° lng). */
export function bboxes(count = 64, seed = 7): string[] {
  const rand = prng(seed);
  return Array.from({ length: count }, () => {
    const lat = lat0 - 0.04 + rand() * 0.06;
    const lng = lng0 - 0.065 + rand() * 0.1;
    return [lng, lat, lng + 0.03, lat + 0.02].map((n) => n.toFixed(5)).join(',');
  });
}

/** Round-robin over a list: the next element on every call. */
export function cycle<T>(xs: readonly T[]): () => T {
  let i = 0;
  return () => xs[i++ % xs.length] as T;
}

export const reportServices = services;

let counter = 0;

/** A new citizen report without contact details: one transaction, no emails. */
export function reportBody() {
  counter++;
  return {
    serviceCode: services[counter % services.length] as string,
    description: `Benchmark pothole ${counter}`,
    location: { lat: lat0 + ((counter % 997) - 498) * 5e-5, lng: lng0 + ((counter % 991) - 495) * 8e-5 },
  };
}

/**
 * Transitions for a pool of fresh items, so no two requests in flight touch the same item: each visit
 * to an item moves it new → in_progress, then alternates acknowledged ↔ in_progress (both allowed).
 */
export function transitionCycle(ids: string[]): () => { id: string; to: string } {
  const visits = new Map<string, number>();
  const next = cycle(ids);
  return () => {
    const id = next();
    const k = visits.get(id) ?? 0;
    visits.set(id, k + 1);
    return { id, to: k % 2 === 0 ? 'in_progress' : 'acknowledged' };
  };
}
