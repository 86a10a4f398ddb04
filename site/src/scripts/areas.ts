import { apiFetch } from './api.js';
import { type AreaList, areaTitle } from './area-names.js';
import { brand, loadConfig } from './config.js';
import { $, el, show, statusLine } from './dom.js';

/** `/areas/`: every area with its waiting, in-progress and finished counts (kept by the board, not counted here). */
async function main(): Promise<void> {
  void brand();
  const container = $('#areas');
  try {
    const [config, { body }] = await Promise.all([loadConfig(), apiFetch<AreaList>('/areas')]);
    const label = body.label ?? config.areas?.label ?? 'Area';
    $('#areas-heading').textContent = `${label}s`;
    document.title = `${label}s · ${config.jurisdiction.name} board`;
    if (!body.items.length) {
      show(container, statusLine('empty', `${config.jurisdiction.name} has no areas configured.`));
      return;
    }
    show(
      container,
      el(
        'table',
        {},
        el('caption', { class: 'visually-hidden' }, `Reports per ${label.toLowerCase()}`),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col' }, label),
            el('th', { scope: 'col' }, 'Waiting'),
            el('th', { scope: 'col' }, 'In progress'),
            el('th', { scope: 'col' }, 'Finished'),
          ),
        ),
        el(
          'tbody',
          {},
          ...body.items.map((a) =>
            el(
              'tr',
              { 'data-area': a.id },
              el('th', { scope: 'row' }, el('a', { href: `/areas/area/?id=${encodeURIComponent(a.id)}` }, areaTitle(label, a.name))),
              el('td', {}, a.counts.waiting),
              el('td', {}, a.counts.in_progress),
              el('td', {}, a.counts.done),
            ),
          ),
        ),
      ),
    );
  } catch {
    show(container, statusLine('error', 'The areas could not be loaded. Please try again.'));
  } finally {
    container.setAttribute('aria-busy', 'false');
  }
}

void main();
