import { catalog, findService } from '../catalog/index.js';
import { type Email, type ItemFacts, layout } from '../email/templates.js';
import { describeTarget as describe } from './describe.js';
import type { AlertTarget, Frequency } from './schemas.js';

const describeTarget = (target: AlertTarget) => describe(target, (code) => findService(code)?.name ?? code);

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
