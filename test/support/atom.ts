import { XMLParser } from 'fast-xml-parser';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export interface AtomLink {
  rel?: string;
  href: string;
  type?: string;
}
export interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  links: AtomLink[];
  summary?: string;
}
export interface AtomFeed {
  id: string;
  title: string;
  updated: string;
  links: AtomLink[];
  entries: AtomEntry[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['entry', 'link', 'author'].includes(name),
  // CDATA merged into the text, as a feed reader sees it.
  cdataPropName: false,
  trimValues: true,
});

// biome-ignore lint/suspicious/noExplicitAny: parsed XML
const text = (node: any): string => (typeof node === 'object' && node !== null ? String(node['#text'] ?? '') : String(node ?? ''));

/**
 * Parses an Atom document with a real XML parser and checks RFC 4287's rules the board relies on:
 * the namespace, feed and entry `id`/`title`/`updated` (RFC 3339 times), an author for every entry
 * (on the feed or the entry), a `self` and an `alternate` link, every entry with a link, unique
 * entry ids. Throws naming the first rule broken; returns the parsed feed.
 */
export function parseAtom(xml: string): AtomFeed {
  const doc = parser.parse(xml);
  const feed = doc.feed;
  const fail = (rule: string) => {
    throw new Error(`not valid Atom: ${rule}`);
  };
  if (!feed) fail('no <feed> root');
  if (feed.xmlns !== 'http://www.w3.org/2005/Atom') fail('the root is not in the Atom namespace');
  for (const field of ['id', 'title', 'updated']) if (!text(feed[field])) fail(`feed has no <${field}>`);
  if (!RFC3339.test(text(feed.updated))) fail(`feed <updated> ${text(feed.updated)} is not an RFC 3339 time`);
  const links: AtomLink[] = feed.link ?? [];
  if (!links.some((l) => l.rel === 'self')) fail('feed has no rel="self" link');
  if (!links.some((l) => (l.rel ?? 'alternate') === 'alternate')) fail('feed has no alternate link');
  const feedHasAuthor = (feed.author ?? []).some((a: { name?: unknown }) => text(a.name));
  // biome-ignore lint/suspicious/noExplicitAny: parsed XML
  const entries: AtomEntry[] = (feed.entry ?? []).map((e: any, i: number) => {
    for (const field of ['id', 'title', 'updated']) if (!text(e[field])) fail(`entry ${i} has no <${field}>`);
    if (!RFC3339.test(text(e.updated))) fail(`entry ${i} <updated> is not an RFC 3339 time`);
    if (!feedHasAuthor && !(e.author ?? []).length) fail(`entry ${i} has no author and the feed has none`);
    if (!(e.link ?? []).length && !e.content) fail(`entry ${i} has neither a link nor content`);
    return { id: text(e.id), title: text(e.title), updated: text(e.updated), links: e.link ?? [], summary: e.summary && text(e.summary) };
  });
  const ids = entries.map((e) => e.id);
  if (new Set(ids).size !== ids.length) fail('two entries share an id');
  return { id: text(feed.id), title: text(feed.title), updated: text(feed.updated), links, entries };
}
