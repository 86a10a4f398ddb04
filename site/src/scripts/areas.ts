import { apiFetch } from './api.js';
import { type AreaList, areaTitle } from './area-names.js';
import { brand, loadConfig } from './config.js';
import { $, el, show, statusLine } from './dom.js';
import { href, i18n, lang, t, word } from './i18n.js';

/** `/areas/`: every area with its waiting, in-progress and finished counts (kept by the board, not counted here). */
async function main(): Promise<void> {
  void brand();
  const container = $('#areas');
  try {
    const [config, { body }] = await Promise.all([loadConfig(), apiFetch<AreaList>('/areas')]);
    // The council's word for its areas ("Ward"), in the page's language when its folder translates it.
    const label = word('areas.label', body.label ?? config.areas?.label ?? t('areas.title'));
    const heading = t('areas.heading', { label });
    $('#areas-heading').textContent = heading;
    document.title = t('layout.title', { title: heading });
    if (!body.items.length) {
      show(container, statusLine('empty', t('areas.none', { jurisdiction: word('jurisdiction.name', config.jurisdiction.name) })));
      return;
    }
    show(
      container,
      el(
        'table',
        {},
        el('caption', { class: 'visually-hidden' }, t('areas.caption', { label: label.toLocaleLowerCase(lang) })),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col' }, label),
            el('th', { scope: 'col' }, t('areas.column.waiting')),
            el('th', { scope: 'col' }, t('areas.column.in_progress')),
            el('th', { scope: 'col' }, t('areas.column.done')),
          ),
        ),
        el(
          'tbody',
          {},
          ...body.items.map((a) =>
            el(
              'tr',
              { 'data-area': a.id },
              // An area's name is the council's data, as its map file spells it.
              el(
                'th',
                { scope: 'row' },
                el('a', { href: href(`/areas/area/?id=${encodeURIComponent(a.id)}`), translate: 'no' }, areaTitle(label, a.name)),
              ),
              el('td', {}, i18n.number(a.counts.waiting)),
              el('td', {}, i18n.number(a.counts.in_progress)),
              el('td', {}, i18n.number(a.counts.done)),
            ),
          ),
        ),
      ),
    );
  } catch {
    show(container, statusLine('error', t('areas.error')));
  } finally {
    container.setAttribute('aria-busy', 'false');
  }
}

void main();
