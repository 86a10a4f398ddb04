import { ApiError } from './api.js';
import { el, show } from './dom.js';

/**
 * Fills a notice box (components/Notice.astro), or empties it with kind `none`. The notice gets the id
 * `<prefix>-error` or `<prefix>-success`, so a test or a link can find it.
 * @example showNotice(box, 'item', 'error', 'Not saved: …', ['note: too long'])
 */
export function showNotice(box: HTMLElement, prefix: string, kind: 'error' | 'success' | 'none', text = '', details: string[] = []): void {
  if (kind === 'none') {
    show(box);
    return;
  }
  show(
    box,
    el(
      'div',
      { class: `notice ${kind}`, id: `${prefix}-${kind}` },
      el('p', {}, text),
      details.length ? el('ul', {}, ...details.map((d) => el('li', {}, d))) : null,
    ),
  );
}

/**
 * Why something could not be opened, in its place: 403 and 404 in words of the thing (`what`), then
 * the API's detail. The notice is `#<prefix>-refused`.
 */
export function refusal(err: unknown, prefix: string, what: { forbidden: string; missing: string; failed: string }): HTMLElement {
  const e = err instanceof ApiError ? err : new ApiError(0, what.failed);
  const lead = e.status === 403 ? what.forbidden : e.status === 404 ? what.missing : what.failed;
  return el(
    'div',
    { class: 'notice error', role: 'alert', id: `${prefix}-refused` },
    el('p', {}, el('strong', {}, lead)),
    el('p', {}, e.detail),
  );
}
