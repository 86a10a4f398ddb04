import { catalog, findService } from '../catalog/index.js';
import { type Email, type ItemFacts, layout } from '../email/templates.js';
import { translator } from '../i18n/board.js';
import type { Translator } from '../i18n/translator.js';
import type { AlertTarget, Frequency } from './schemas.js';

/**
 * What an alert follows, in the recipient's language (emails): the service by its translated name, the
 * area by its id, a circle by its radius (Intl units) and centre.
 * @example describeAlertTarget({type: 'circle', center: {lat: 51.45, lng: -2.59}, radiusMeters: 500}, tr) // 'reports within 500 m of 51.45000, -2.59000'
 */
export function describeAlertTarget(target: AlertTarget, tr: Translator = translator()): string {
  switch (target.type) {
    case 'service': {
      const name = tr.text(`service.${target.serviceCode}.name`, findService(target.serviceCode)?.name ?? target.serviceCode);
      return tr.t('email.alert.target.service', { service: name });
    }
    case 'area':
      return tr.t('email.alert.target.area', { area: target.areaId });
    case 'circle': {
      const km = target.radiusMeters >= 1000;
      const distance = tr.number(km ? target.radiusMeters / 1000 : target.radiusMeters, {
        style: 'unit',
        unit: km ? 'kilometer' : 'meter',
        maximumFractionDigits: 3,
      });
      return tr.t('email.alert.target.circle', {
        distance,
        lat: target.center.lat.toFixed(5),
        lng: target.center.lng.toFixed(5),
      });
    }
  }
}

/**
 * The alert's double opt-in. Anyone can type any address, so it says only what the board chose
 * (the kind of alert), and nothing happens unless the owner clicks.
 */
export function alertConfirmation(target: AlertTarget, frequency: Frequency, confirmUrl: string, tr: Translator = translator()): Email {
  const jurisdiction = tr.text('jurisdiction.name', catalog.jurisdiction.name);
  return layout(
    tr.t('email.alert.confirm.subject', { jurisdiction }),
    [tr.t('email.alert.confirm.asked', { frequency, target: describeAlertTarget(target, tr) }), tr.t('email.alert.confirm.within')],
    [{ label: tr.t('email.alert.confirm.button'), url: confirmUrl }],
    undefined,
    tr.lang,
  );
}

/** One matching report for an `instant` alert, with the alert's own one-click stop and the manage page. */
export function alertMatch(
  item: ItemFacts,
  change: 'new' | 'updated',
  target: AlertTarget,
  links: { unsubscribeUrl: string; manageUrl: string },
  tr: Translator = translator(),
): Email {
  const values = {
    reference: item.reference,
    title: item.title,
    status: item.statusLabel,
    service: item.serviceName.toLocaleLowerCase(tr.locale),
  };
  return layout(
    tr.t('email.alert.match.subject', { change, reference: item.reference }),
    [
      tr.t(change === 'new' ? 'email.alert.match.new' : 'email.alert.match.updated', values),
      tr.t('email.alert.match.because', { target: describeAlertTarget(target, tr) }),
    ],
    [
      { label: tr.t('email.alert.see'), url: item.trackUrl },
      { label: tr.t('email.alert.manage'), url: links.manageUrl },
    ],
    { label: tr.t('email.alert.stop'), url: links.unsubscribeUrl },
    tr.lang,
  );
}
