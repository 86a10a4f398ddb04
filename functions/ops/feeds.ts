import { toPublicBill } from '../../shared/bills/public.js';
import { catalog } from '../../shared/catalog/index.js';
import { atomIds, billsAtom, type FeedContext, itemHistoryAtom, reportsAtom } from '../../shared/feeds/atom.js';
import { type BillsFeedQuery, FEED_SIZE, type ReportsFeedQuery } from '../../shared/feeds/schemas.js';
import { toPublicItem } from '../../shared/public-view.js';
import { config } from '../lib/env.js';
import { listBills } from './read-bills.js';
import { publicReports, reportDetail, serviceParam } from './read-reports.js';

/**
 * Atom feeds (SPEC §12): each one is the matching public list op (a Query on a known partition, never
 * a scan) projected through the public view, then serialised. Nothing here reads a field the JSON
 * routes do not already show.
 */

const base = () => config().publicBaseUrl;
const track = (reference: string) => `${base()}/track/?id=${encodeURIComponent(reference)}`;

function withQuery(path: string, params: Record<string, string | undefined>): string {
  const url = new URL(path, base());
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.href;
}

/** Reports by service, area and phase, most recently changed first. */
export async function reportsFeed(query: ReportsFeedQuery): Promise<string> {
  const service = query.service ? serviceParam(query.service) : undefined;
  // The list op checks `area` against the jurisdiction's areas (400 for an unknown one) and filters by it.
  const page = await publicReports({ service: query.service, phase: query.phase, area: query.area, limit: FEED_SIZE });
  const scope = [service?.name, query.area && `area ${query.area}`, query.phase?.replace('_', ' ')].filter(Boolean).join(', ');
  const ctx: FeedContext = {
    id: atomIds.feed('reports', { service: query.service, area: query.area, phase: query.phase }),
    title: `${catalog.jurisdiction.name}: reports${scope ? ` (${scope})` : ''}`,
    subtitle: 'The newest changes to reports on the board.',
    self: withQuery('/api/feeds/reports.atom', { ...query }),
    alternate: `${base()}/`,
    author: catalog.jurisdiction.name,
    track,
  };
  return reportsAtom(
    page.items.map((i) => toPublicItem(i)),
    ctx,
  );
}

/** One report's public history, newest event first. */
export async function reportHistoryFeed(idOrRef: string): Promise<string> {
  const { item, history } = await reportDetail(idOrRef);
  const view = toPublicItem(item, { history });
  const publicIds = history.filter((e) => e.visibility === 'public').map((e) => e.id);
  const events = (view.history ?? []).map((event, i) => ({ id: publicIds[i] as string, event }));
  return itemHistoryAtom(view, events, {
    id: atomIds.feed(`item:${item.id}`),
    title: `${catalog.jurisdiction.name}: ${view.reference} ${view.title}`,
    self: `${base()}/api/reports/${encodeURIComponent(item.id)}/feed.atom`,
    alternate: track(item.reference),
    author: catalog.jurisdiction.name,
    track,
  });
}

/** Bills, most recently changed first. */
export async function billsFeed(query: BillsFeedQuery): Promise<string> {
  const page = await listBills({ phase: query.phase, session: query.session, limit: FEED_SIZE });
  const scope = [query.session, query.phase?.replace('_', ' ')].filter(Boolean).join(', ');
  return billsAtom(
    page.items.map((b) => toPublicBill(b)),
    {
      id: atomIds.feed('bills', { ...query }),
      title: `${catalog.jurisdiction.name}: bills${scope ? ` (${scope})` : ''}`,
      subtitle: 'Bills as they move through their stages and votes.',
      self: withQuery('/api/feeds/bills.atom', { ...query }),
      alternate: `${base()}/bills/`,
      author: catalog.jurisdiction.name,
      track,
    },
  );
}
