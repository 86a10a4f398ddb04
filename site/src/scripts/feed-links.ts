import { el } from './dom.ts';

/**
 * Announces a feed of what the page shows, for pages whose subject is known only once loaded (the
 * track page): a `<link rel="alternate">` in the head, as the static pages have from their layout.
 */
export function announceFeed(href: string, title: string, type = 'application/atom+xml'): void {
  document.head.append(el('link', { rel: 'alternate', type, title, href }));
}

/** A visible link to the same feed, for people without a feed-detecting browser. */
export function feedLink(href: string, text: string): HTMLElement {
  return el('p', { class: 'muted' }, el('a', { href, 'data-feed': '' }, text));
}
