import type { StaffItem } from '../../../../shared/api-types.js';
import { el } from '../dom.js';
import { formatDate } from '../format.js';

/** The open report's moderation state as staff see it (docs/moderation.md): the original is always what they read. */
const photoUrl = (id: string) => `/photos/${id}/thumb.jpg`;

/** What the item view shows about moderation: hidden banner, photos (hidden ones marked), redactions. */
export function moderationFacts(item: StaffItem): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (item.hidden) {
    out.push(el('p', { id: 'item-hidden', class: 'notice error' }, 'Hidden from the public: its public page says the council removed it.'));
  }
  if (item.photos?.length) {
    out.push(
      el('h3', {}, 'Photos'),
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
              el('img', { src: photoUrl(p.id), alt: p.alt ?? `Photo ${i + 1} from the reporter` }),
            ),
            p.hidden ? el('div', { class: 'muted' }, 'Hidden from the public') : null,
          ),
        ),
      ),
    );
  }
  if (item.redactions?.length) {
    out.push(
      el('h3', {}, 'Redacted for the public'),
      el(
        'ul',
        { id: 'item-redactions' },
        ...item.redactions.map((r) =>
          el(
            'li',
            {},
            `${fieldLabel(r.field)}: the public sees “${r.replacement || '(nothing)'}” since ${formatDate(r.at)}. The original is kept above.`,
          ),
        ),
      ),
    );
  }
  return out;
}

function fieldLabel(field: string): string {
  if (field.startsWith('comment:')) return 'A public comment';
  if (field.startsWith('photo:')) return 'A photo';
  return field[0]?.toUpperCase() + field.slice(1);
}
