import { catalog, findService } from '../catalog/index.js';
import { type Email, type ItemFacts, layout } from '../email/templates.js';
import type { AlertTarget, Frequency } from './schemas.js';

/**
 * What an alert follows, in plain words (for emails and the manage page).
 * @example describeTarget({type: 'circle', center: {lat: 51.45, lng: -2.59}, radiusMeters: 500}) // 'reports within 500 m of 51.45000, -2.59000'
 */
export function describeTarget(target: AlertTarget): string {
  switch (target.type) {
    case 'service':
      return `${findService(target.serviceCode)?.name ?? target.serviceCode} reports`;
    case 'area':
      return `reports in area ${target.areaId}`;
    case 'circle': {
      const distance = target.radiusMeters >= 1000 ? `${target.radiusMeters / 1000} km` : `${target.radiusMeters} m`;
      return `reports within ${distance} of ${target.center.lat.toFixed(5)}, ${target.center.lng.toFixed(5)}`;
    }
  }
}

/**
 * The alert's double opt-in. Anyone can type any address, so it says only what the board chose
 * (the kind of alert), and nothing happens unless the owner clicks.
 */
export function alertConfirmation(target: AlertTarget, frequency: Frequency, confirmUrl: string): Email {
  const when = frequency === 'daily' ? 'one email each morning listing what changed' : 'an email as each one is reported or changes';
  return layout(
    `Confirm your ${catalog.jurisdiction.name} alert`,
    [
      `Someone (we hope you) asked for alerts about ${describeTarget(target)}: ${when}.`,
      'Confirm within 7 days to start them. If it was not you, ignore this email and you will hear nothing more.',
    ],
    [{ label: 'Confirm the alert', url: confirmUrl }],
  );
}

/** One matching report for an `instant` alert, with the alert's own one-click stop and the manage page. */
export function alertMatch(
  item: ItemFacts,
  change: 'new' | 'updated',
  target: AlertTarget,
  links: { unsubscribeUrl: string; manageUrl: string },
): Email {
  const head =
    change === 'new'
      ? `New ${item.serviceName.toLowerCase()} report ${item.reference}: "${item.title}".`
      : `${item.reference} "${item.title}" has an update: ${item.statusLabel}.`;
  return layout(
    `${change === 'new' ? 'New report' : 'Update'} near you: ${item.reference}`,
    [head, `You get this because you follow ${describeTarget(target)}.`],
    [
      { label: 'See the report', url: item.trackUrl },
      { label: 'Manage my alerts', url: links.manageUrl },
    ],
    { label: 'Stop this alert', url: links.unsubscribeUrl },
  );
}
