import { describe, expect, it, vi } from 'vitest';
// First: the page's English messages, which the console's scripts read when they load.
import '../support/staff-page-language.js';
import { messagesOf } from '../../shared/i18n/board.js';
import { claimsOf, cognitoUrl } from '../../site/src/scripts/staff/auth.js';
import { staffHeadline } from '../../site/src/scripts/staff/history.js';
import { type QueueFilters, queueQuery, sortItems } from '../../site/src/scripts/staff/queue.js';
import { type StaffItem, type StaffService, servicesFor } from '../../site/src/scripts/staff/types.js';

const filters = (f: Partial<QueueFilters> = {}): QueueFilters => ({
  service: '',
  state: '',
  priority: '',
  assignee: '',
  sort: 'queue',
  ...f,
});
const item = (id: string, priority: StaffItem['priority'], createdAt: string) => ({ id, priority, createdAt }) as StaffItem;
const service = (code: string, kind: 'report' | 'bill', teams: string[]) => ({ code, kind, teams }) as StaffService;

describe('the work queue by promise', () => {
  it('asks for at-risk or overdue reports, or for due order', () => {
    expect(queueQuery(filters({ sla: 'breached' }))).toBe('/staff/reports?sla=breached&limit=200');
    expect(queueQuery(filters({ sort: 'due' }))).toBe('/staff/reports?sort=due&limit=200');
  });

  it('sorts by the earliest open due time, items without a promise last', () => {
    const withDue = (id: string, resolutionDueAt?: string) =>
      ({ id, sla: resolutionDueAt ? { resolutionDueAt, state: 'on_track', paused: false } : undefined }) as StaffItem;
    const items = [withDue('none'), withDue('late', '2025-02-01T00:00:00Z'), withDue('soon', '2025-01-01T00:00:00Z')];
    expect(sortItems(items, 'due').map((i) => i.id)).toEqual(['soon', 'late', 'none']);
  });
});

describe('the work queue query', () => {
  it('sends only the filters that are set, a phase or a status, and a page size', () => {
    expect(queueQuery(filters())).toBe('/staff/reports?limit=200');
    expect(queueQuery(filters({ service: 'pothole', state: 'phase:waiting', priority: 'high', assignee: 'none' }))).toBe(
      '/staff/reports?service=pothole&phase=waiting&priority=high&assignee=none&limit=200',
    );
    expect(queueQuery(filters({ state: 'status:on_hold', assignee: 'me' }))).toBe('/staff/reports?status=on_hold&assignee=me&limit=200');
  });
});

describe('sorting the work queue', () => {
  const items = [
    item('a', 'normal', '2026-01-01T00:00:00.000Z'),
    item('b', 'urgent', '2026-03-01T00:00:00.000Z'),
    item('c', 'low', '2025-12-01T00:00:00.000Z'),
    item('d', 'normal', '2025-11-01T00:00:00.000Z'),
  ];
  it('queue order: urgent first, then oldest first within a priority', () => {
    expect(sortItems(items, 'queue').map((i) => i.id)).toEqual(['b', 'd', 'a', 'c']);
  });
  it('by age, either way, whatever the priority', () => {
    expect(sortItems(items, 'oldest').map((i) => i.id)).toEqual(['d', 'c', 'a', 'b']);
    expect(sortItems(items, 'newest').map((i) => i.id)).toEqual(['b', 'a', 'c', 'd']);
  });
});

describe('the services a staff member sees', () => {
  const catalog = [
    service('pothole', 'report', ['roads']),
    service('street-light', 'report', ['roads']),
    service('bill', 'bill', ['legislature']),
  ];
  it('are the report services their groups are a team of; admin sees every report service', () => {
    expect(servicesFor(catalog, ['roads']).map((s) => s.code)).toEqual(['pothole', 'street-light']);
    expect(servicesFor(catalog, ['legislature'])).toEqual([]);
    expect(servicesFor(catalog, ['admin']).map((s) => s.code)).toEqual(['pothole', 'street-light']);
  });
});

describe('history lines', () => {
  const labels = { new: 'Reported', closed: 'Closed' };
  const at = '2026-01-01T00:00:00.000Z';
  const staff = { type: 'staff' as const, id: 'roads.officer', name: 'Rita' };
  it('say what changed, from what, to what', () => {
    expect(
      staffHeadline(
        { id: '1', at, actor: staff, type: 'transition', from: 'new', to: 'closed', resolution: 'not_ours', visibility: 'public' },
        labels,
      ),
    ).toBe(`Moved from Reported to Closed (resolution: ${messagesOf('en')['resolution.not_ours']})`);
    expect(
      staffHeadline(
        { id: '2', at, actor: staff, type: 'field', field: 'priority', from: 'normal', to: 'high', visibility: 'public' },
        labels,
      ),
    ).toBe('Priority changed from normal to high');
    expect(staffHeadline({ id: '3', at, actor: staff, type: 'assigned', to: 'roads.officer', visibility: 'internal' }, labels)).toBe(
      'Assigned to roads.officer',
    );
    expect(staffHeadline({ id: '4', at, actor: staff, type: 'comment', note: 'x', visibility: 'internal' }, labels)).toBe('Internal note');
  });
});

describe('Cognito in the browser', () => {
  it('uses the configured endpoint locally and the regional endpoint in AWS', () => {
    const auth = { region: 'eu-west-2', userPoolId: 'p', userPoolClientId: 'c' };
    expect(cognitoUrl({ ...auth, endpoint: 'http://localhost:9229' })).toBe('http://localhost:9229');
    expect(cognitoUrl(auth)).toBe('https://cognito-idp.eu-west-2.amazonaws.com/');
  });
  it('reads the groups and names from an ID token, including non-ASCII names', () => {
    const payload = Buffer.from(JSON.stringify({ 'cognito:username': 'r', 'cognito:groups': ['roads'], name: 'Zoë', exp: 1 })).toString(
      'base64url',
    );
    expect(claimsOf(`h.${payload}.s`)).toMatchObject({ 'cognito:groups': ['roads'], name: 'Zoë', exp: 1 });
  });
});

describe('the console in another language', () => {
  const auth = { region: 'eu-west-2', userPoolId: 'p', userPoolClientId: 'c', endpoint: 'http://cognito.test' };
  it('words history lines, counts and Cognito refusals in the page language, with the council words translated where it has them', async () => {
    const { pageLanguage } = await import('../support/staff-page-language.js');
    pageLanguage('cy');
    vi.resetModules();
    const { staffHeadline } = await import('../../site/src/scripts/staff/history.js');
    const { countLine } = await import('../../site/src/scripts/staff/fields.js');
    const at = '2026-01-01T00:00:00.000Z';
    const staff = { type: 'staff' as const, id: 'roads.officer', name: 'Rita' };
    const line = staffHeadline(
      { id: '1', at, actor: staff, type: 'field', field: 'priority', from: 'normal', to: 'urgent', visibility: 'public' },
      {},
    );
    expect(line).toBe('Newidiwyd y flaenoriaeth o arferol i brys');
    // Welsh counts by CLDR's six plural forms; the noun stays singular after a numeral.
    expect(countLine(2, 'items', false)).toBe('2 eitem.');
    expect(countLine(200, 'bills', true)).toMatch(/^200 bil wedi'u dangos; mae rhagor/);
    const { cognito } = await import('../../site/src/scripts/staff/auth.js');
    const refuse = (type: string, message: string) =>
      vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ __type: type, message }), { status: 400 }));
    refuse('CodeMismatchException', 'Invalid code received for user');
    const wrong = await cognito(auth, 'RespondToAuthChallenge', {}).catch((e) => e);
    expect(wrong).toMatchObject({ message: expect.stringMatching(/^Nid yw'r cod hwnnw'n gywir/), sessionGone: false });
    // Cognito's own English words for a timed-out sign-in still tell the console to start over.
    refuse('NotAuthorizedException', 'Invalid session for the user, session is expired.');
    expect(await cognito(auth, 'RespondToAuthChallenge', {}).catch((e) => e)).toMatchObject({ sessionGone: true });
    vi.unstubAllGlobals();
    // The control: the same modules on an English page still speak English.
    pageLanguage('en');
    vi.resetModules();
    const english = await import('../../site/src/scripts/staff/fields.js');
    expect(english.countLine(2, 'items', false)).toBe('2 items.');
  });
});

describe('the console’s message keys', () => {
  it('every literal staff key the page and its scripts name is in the English catalog (a typo would show as a raw key)', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '..', '..', 'site', 'src');
    const files = [
      ...readdirSync(join(root, 'scripts', 'staff')).map((f) => join(root, 'scripts', 'staff', f)),
      join(root, 'pages', '[...lang]', 'staff', 'index.astro'),
      join(root, 'components', 'PriorityOptions.astro'),
    ];
    const named = new Set(files.flatMap((f) => readFileSync(f, 'utf8').match(/(?<=['`])staff\.[\w.]+\w(?=['`])/g) ?? []));
    const english = JSON.parse(readFileSync(join(root, '..', '..', 'shared', 'i18n', 'messages', 'en', 'staff.json'), 'utf8'));
    expect(named.size).toBeGreaterThan(100);
    expect([...named].filter((key) => !(key in english))).toEqual([]);
    // The control: a key that is not in the catalog is reported.
    expect(['staff.no.such.key'].filter((key) => !(key in english))).toEqual(['staff.no.such.key']);
  });
});
