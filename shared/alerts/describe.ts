import type { AlertTarget } from './schemas.js';

/**
 * What an alert follows, in plain words (emails and the manage page). No catalog import, so the site
 * can use it: the caller says how to name a service.
 * @example describeTarget({type: 'circle', center: {lat: 51.45, lng: -2.59}, radiusMeters: 500}) // 'reports within 500 m of 51.45000, -2.59000'
 */
export function describeTarget(target: AlertTarget, serviceName: (code: string) => string = (c) => c): string {
  switch (target.type) {
    case 'service':
      return `${serviceName(target.serviceCode)} reports`;
    case 'area':
      return `reports in area ${target.areaId}`;
    case 'circle': {
      const distance = target.radiusMeters >= 1000 ? `${target.radiusMeters / 1000} km` : `${target.radiusMeters} m`;
      return `reports within ${distance} of ${target.center.lat.toFixed(5)}, ${target.center.lng.toFixed(5)}`;
    }
  }
}
