import type { StaffItem } from '../../../../shared/api-types.js';
import { el } from '../dom.js';
import { i18n, t } from '../i18n.js';

/** The open report's moderation state as staff see it (docs/moderation.md): the original is always what they read. */
const photoUrl = (id: string) => `/photos/${id}/thumb.jpg`;

/** What the item view shows about moderation: hidden banner, photos (hidden ones marked), redactions. */
export function moderationFacts(item: StaffItem): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (item.hidden) {
    out.push(el('p', { id: 'item-hidden', class: 'notice error' }, t('staff.item.hidden_notice')));
  }
  if (item.photos?.length) {
    out.push(
      el('h3', {}, t('staff.item.photos')),
      el(
        'ul',
        { class: 'photos', id: 'item-photos' },
        ...item.photos.map((p, i) =>
          el(
            'li',
            {},
            el(
              'a',
              { href: `/photos/${p.id}/display.jpg` },
              // The reporter's own description of the photo is theirs, in their words.
              p.alt
                ? el('img', { src: photoUrl(p.id), alt: p.alt, translate: 'no' })
                : el('img', { src: photoUrl(p.id), alt: t('staff.item.photo_alt', { n: i + 1 }) }),
            ),
            p.hidden ? el('div', { class: 'muted' }, t('staff.history.hidden')) : null,
          ),
        ),
      ),
    );
  }
  if (item.redactions?.length) {
    out.push(
      el('h3', {}, t('staff.item.redactions')),
      el(
        'ul',
        { id: 'item-redactions' },
        ...item.redactions.map((r) =>
          el(
            'li',
            {},
            t('staff.item.redaction', {
              field: partOf(r.field),
              replacement: r.replacement || t('staff.item.redaction.nothing'),
              date: i18n.date(r.at),
            }),
          ),
        ),
      ),
    );
  }
  return out;
}

/** Which part a redaction covers, as the message selects it: `title`, `description`, `address`, `comment`, `photo`. */
const partOf = (field: string) => field.split(':')[0] ?? field;
