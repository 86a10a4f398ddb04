import type { BBox } from './schemas.js';

/**
 * The part of a box inside the bounds (both in degrees), or undefined when they do not meet. Every
 * item lies inside the jurisdiction's bounds (creates and moves refuse a pin outside them), so clipping
 * a list's box to them drops no item and caps the area, and the work, any one box can ask for.
 *
 * @example clipBox({ minLng: -180, minLat: -90, maxLng: 180, maxLat: 90 }, bounds) // the bounds themselves
 */
export function clipBox(box: BBox, bounds: BBox): BBox | undefined {
  const clipped = {
    minLng: Math.max(box.minLng, bounds.minLng),
    minLat: Math.max(box.minLat, bounds.minLat),
    maxLng: Math.min(box.maxLng, bounds.maxLng),
    maxLat: Math.min(box.maxLat, bounds.maxLat),
  };
  return clipped.minLng > clipped.maxLng || clipped.minLat > clipped.maxLat ? undefined : clipped;
}
