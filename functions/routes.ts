/**
 * The route table: the single source for the CDK HTTP API routes and the local server.
 * `handler` is the module under `functions/` (without extension) that exports `handler`.
 * `auth: 'staff'` routes sit behind the Cognito JWT authorizer; handlers then decide by group.
 */
/** DynamoDB IAM actions a route may be granted (a transaction needs the action of each of its items; never a scan). */
export type TableAction =
  | 'GetItem'
  | 'BatchGetItem'
  | 'Query'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'BatchWriteItem'
  | 'ConditionCheckItem'
  | 'DescribeTable';

export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  handler: string;
  auth: 'public' | 'staff';
  /** Read-only routes get read-only table grants in AWS. */
  access: 'read' | 'write';
  /**
   * The DynamoDB actions its function may perform on the table (and its indexes): its IAM grant in AWS,
   * enforced locally too (infra/local/local-iam.ts), so a missing one fails the integration suite
   * (test/integration/local-iam.test.ts); test/infra/template.test.ts asserts the grants as listed. Nothing
   * yet fails on an action listed but never used: keep the list to what the function calls.
   */
  table: readonly TableAction[];
  /** Reads the staff directory (Cognito users and groups): gets read-only user pool permissions in AWS. */
  directory?: boolean;
  /** Signs presigned POSTs for the upload bucket: gets s3:PutObject on its `originals/` keys in AWS. */
  signsUploads?: boolean;
  /** Can take photos down (hide a report or a photo): moves photo files and invalidates /photos/* (functions/ops/photo-files.ts). */
  withholdsPhotos?: boolean;
}

/** Reads by key and by partition or index: what every read of an item, list or queue needs. */
const READ = ['GetItem', 'Query'] as const;

/*
 * `table` is each function's whole DynamoDB grant: reads as above; PutItem for new records and the
 * puts of a TransactWriteItems commit; UpdateItem for counters, limits and appended changes;
 * DeleteItem only where tokens or watch entries are removed. No route scans or batch-writes.
 */
export const ROUTES: RouteDefinition[] = [
  { method: 'GET', path: '/api/health', handler: 'health/get-health', auth: 'public', access: 'read', table: ['GetItem'] },
  { method: 'GET', path: '/api/services', handler: 'services/list-services', auth: 'public', access: 'read', table: [] },
  {
    method: 'POST',
    path: '/api/reports',
    handler: 'reports/create-report',
    auth: 'public',
    access: 'write',
    // BatchGetItem: the report's photo uploads (3 at most); UpdateItem also claims them.
    table: [...READ, 'BatchGetItem', 'PutItem', 'UpdateItem'],
  },
  // Photos and moderation (docs/photos.md, docs/moderation.md).
  {
    method: 'POST',
    path: '/api/reports/uploads',
    handler: 'reports/create-upload',
    auth: 'public',
    access: 'write',
    table: [...READ, 'PutItem', 'UpdateItem'],
    signsUploads: true,
  },
  {
    method: 'GET',
    path: '/api/reports/uploads/{uploadId}',
    handler: 'reports/get-upload',
    auth: 'public',
    access: 'read',
    table: ['GetItem'],
  },
  {
    method: 'POST',
    path: '/api/reports/{id}/flags',
    handler: 'reports/create-flag',
    auth: 'public',
    access: 'write',
    table: [...READ, 'UpdateItem'],
  },
  {
    method: 'POST',
    path: '/api/staff/reports/{id}/redactions',
    handler: 'staff/create-redaction',
    auth: 'staff',
    access: 'write',
    table: [...READ, 'PutItem'],
    withholdsPhotos: true,
  },
  {
    method: 'POST',
    path: '/api/staff/reports/{id}/flag-resolutions',
    handler: 'staff/resolve-flags',
    auth: 'staff',
    access: 'write',
    table: [...READ, 'PutItem', 'DeleteItem'],
    withholdsPhotos: true,
  },
  { method: 'GET', path: '/api/staff/moderation', handler: 'staff/list-flags', auth: 'staff', access: 'read', table: READ },
  { method: 'GET', path: '/api/reports', handler: 'reports/list-reports', auth: 'public', access: 'read', table: READ },
  { method: 'GET', path: '/api/reports/{id}', handler: 'reports/get-report', auth: 'public', access: 'read', table: READ },
  {
    method: 'GET',
    path: '/api/completed-months',
    handler: 'reports/list-completed-months',
    auth: 'public',
    access: 'read',
    table: READ,
  },
  { method: 'GET', path: '/api/stats', handler: 'reports/get-stats', auth: 'public', access: 'read', table: ['Query'] },
  // The home map's counts per geohash cell and phase, one tile per request (shared/map-cells.ts).
  { method: 'GET', path: '/api/map/cells', handler: 'map/get-map-cells', auth: 'public', access: 'read', table: ['Query'] },
  { method: 'GET', path: '/api/queues/{serviceCode}', handler: 'queues/get-queue', auth: 'public', access: 'read', table: READ },
  { method: 'GET', path: '/api/areas', handler: 'areas/list-areas', auth: 'public', access: 'read', table: ['Query'] },
  { method: 'GET', path: '/api/areas/shapes', handler: 'areas/get-area-shapes', auth: 'public', access: 'read', table: [] },
  {
    method: 'POST',
    path: '/api/reports/{id}/subscriptions',
    handler: 'subscriptions/create-subscription',
    auth: 'public',
    access: 'write',
    table: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem'],
  },
  {
    method: 'GET',
    path: '/api/subscriptions/confirm',
    handler: 'subscriptions/confirm-subscription',
    auth: 'public',
    access: 'write',
    table: [...READ, 'UpdateItem', 'DeleteItem'],
  },
  {
    method: 'GET',
    path: '/api/subscriptions/unsubscribe',
    handler: 'subscriptions/unsubscribe',
    auth: 'public',
    access: 'read',
    table: [],
  },
  {
    method: 'POST',
    path: '/api/subscriptions/unsubscribe',
    handler: 'subscriptions/unsubscribe',
    auth: 'public',
    access: 'write',
    table: [...READ, 'DeleteItem'],
  },
  { method: 'GET', path: '/api/staff/reports', handler: 'staff/list-reports', auth: 'staff', access: 'read', table: READ },
  { method: 'GET', path: '/api/staff/reports/{id}', handler: 'staff/get-report', auth: 'staff', access: 'read', table: READ },
  {
    method: 'PATCH',
    path: '/api/staff/reports/{id}',
    handler: 'staff/update-report',
    auth: 'staff',
    access: 'write',
    table: [...READ, 'PutItem', 'UpdateItem'],
    directory: true,
    withholdsPhotos: true,
  },
  {
    method: 'POST',
    path: '/api/staff/reports/{id}/transitions',
    handler: 'staff/create-transition',
    auth: 'staff',
    access: 'write',
    table: [...READ, 'PutItem', 'UpdateItem'],
  },
  {
    method: 'POST',
    path: '/api/staff/reports/{id}/comments',
    handler: 'staff/create-comment',
    auth: 'staff',
    access: 'write',
    table: [...READ, 'PutItem', 'UpdateItem'],
  },
  {
    method: 'GET',
    path: '/api/staff/services/{serviceCode}/members',
    handler: 'staff/list-team-members',
    auth: 'staff',
    access: 'read',
    table: [],
    directory: true,
  },
  // Bills (docs/bills.md): public reads and following, legislature staff writes, office watchlists.
  { method: 'GET', path: '/api/bills', handler: 'bills/list-bills', auth: 'public', access: 'read', table: READ },
  { method: 'GET', path: '/api/bills/{id}', handler: 'bills/get-bill', auth: 'public', access: 'read', table: READ },
  { method: 'GET', path: '/api/bills/members/{id}', handler: 'bills/get-member', auth: 'public', access: 'read', table: ['GetItem'] },
  {
    method: 'GET',
    path: '/api/bills/committees/{name}',
    handler: 'bills/get-committee',
    auth: 'public',
    access: 'read',
    table: ['GetItem'],
  },
  {
    method: 'POST',
    path: '/api/bills/{id}/subscriptions',
    handler: 'bills/create-subscription',
    auth: 'public',
    access: 'write',
    table: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem'],
  },
  { method: 'POST', path: '/api/staff/bills', handler: 'staff-bills/create-bill', auth: 'staff', access: 'write', table: ['PutItem'] },
  { method: 'GET', path: '/api/staff/bills/{id}', handler: 'staff-bills/get-bill', auth: 'staff', access: 'read', table: READ },
  {
    method: 'POST',
    path: '/api/staff/bills/{id}/transitions',
    handler: 'staff-bills/create-transition',
    auth: 'staff',
    access: 'write',
    table: [...READ, 'PutItem'],
  },
  {
    method: 'POST',
    path: '/api/staff/bills/{id}/votes',
    handler: 'staff-bills/create-vote',
    auth: 'staff',
    access: 'write',
    table: [...READ, 'PutItem'],
  },
  { method: 'GET', path: '/api/staff/watchlist', handler: 'staff-bills/list-watchlist', auth: 'staff', access: 'read', table: READ },
  {
    method: 'PUT',
    path: '/api/staff/watchlist/{id}',
    handler: 'staff-bills/put-watch',
    auth: 'staff',
    access: 'write',
    table: [...READ, 'PutItem'],
  },
  {
    method: 'DELETE',
    path: '/api/staff/watchlist/{id}',
    handler: 'staff-bills/delete-watch',
    auth: 'staff',
    access: 'write',
    table: [...READ, 'DeleteItem'],
  },
  // API keys for Open311 machine clients (docs/open311.md): admins only.
  { method: 'POST', path: '/api/staff/api-keys', handler: 'staff/create-api-key', auth: 'staff', access: 'write', table: ['PutItem'] },
  { method: 'GET', path: '/api/staff/api-keys', handler: 'staff/list-api-keys', auth: 'staff', access: 'read', table: READ },
  {
    method: 'DELETE',
    path: '/api/staff/api-keys/{id}',
    handler: 'staff/delete-api-key',
    auth: 'staff',
    access: 'write',
    table: ['UpdateItem'],
  },
  { method: 'GET', path: '/api/openapi.json', handler: 'meta/get-openapi', auth: 'public', access: 'read', table: [] },
  // Open311 GeoReport v2 (SPEC §10, docs/open311.md): each format a literal path, ids carry their suffix.
  ...['json', 'xml'].flatMap((f): RouteDefinition[] => [
    { method: 'GET', path: `/open311/discovery.${f}`, handler: 'open311/get-discovery', auth: 'public', access: 'read', table: [] },
    { method: 'GET', path: `/open311/v2/services.${f}`, handler: 'open311/list-services', auth: 'public', access: 'read', table: [] },
    { method: 'GET', path: `/open311/v2/requests.${f}`, handler: 'open311/list-requests', auth: 'public', access: 'read', table: READ },
    {
      method: 'POST',
      path: `/open311/v2/requests.${f}`,
      handler: 'open311/create-request',
      auth: 'public',
      access: 'write',
      table: [...READ, 'PutItem', 'UpdateItem'],
    },
  ]),
  {
    method: 'GET',
    path: '/open311/v2/services/{service_code}',
    handler: 'open311/get-service-definition',
    auth: 'public',
    access: 'read',
    table: [],
  },
  {
    method: 'GET',
    path: '/open311/v2/requests/{service_request_id}',
    handler: 'open311/get-request',
    auth: 'public',
    access: 'read',
    table: READ,
  },
  { method: 'GET', path: '/open311/v2/tokens/{token}', handler: 'open311/get-token', auth: 'public', access: 'read', table: READ },
  {
    method: 'GET',
    path: '/api/staff/watchlist-alerts',
    handler: 'staff-bills/get-watch-alerts',
    auth: 'staff',
    access: 'read',
    table: READ,
  },
  {
    method: 'PUT',
    path: '/api/staff/watchlist-alerts',
    handler: 'staff-bills/put-watch-alerts',
    auth: 'staff',
    access: 'write',
    table: ['PutItem', 'DeleteItem'],
  },
  // Feeds (docs/notifications.md): Atom over the public list ops, read-only.
  { method: 'GET', path: '/api/feeds/reports.atom', handler: 'feeds/get-reports-feed', auth: 'public', access: 'read', table: READ },
  { method: 'GET', path: '/api/reports/{id}/feed.atom', handler: 'feeds/get-report-feed', auth: 'public', access: 'read', table: READ },
  { method: 'GET', path: '/api/feeds/bills.atom', handler: 'feeds/get-bills-feed', auth: 'public', access: 'read', table: READ },
  { method: 'GET', path: '/api/bills/calendar.ics', handler: 'feeds/get-votes-calendar', auth: 'public', access: 'read', table: READ },
  { method: 'GET', path: '/api/bills/{id}/calendar.ics', handler: 'feeds/get-bill-calendar', auth: 'public', access: 'read', table: READ },
  // Alerts (docs/notifications.md): follow a service, an area or a circle; double opt-in; token links.
  {
    method: 'POST',
    path: '/api/alerts',
    handler: 'alerts/create-alert',
    auth: 'public',
    access: 'write',
    table: [...READ, 'PutItem', 'UpdateItem'],
  },
  {
    method: 'GET',
    path: '/api/alerts/confirm',
    handler: 'alerts/confirm-alert',
    auth: 'public',
    access: 'write',
    table: [...READ, 'PutItem', 'DeleteItem'],
  },
  { method: 'GET', path: '/api/alerts/unsubscribe', handler: 'alerts/cancel-alert', auth: 'public', access: 'read', table: [] },
  {
    method: 'POST',
    path: '/api/alerts/unsubscribe',
    handler: 'alerts/cancel-alert',
    auth: 'public',
    access: 'write',
    table: [...READ, 'DeleteItem'],
  },
  { method: 'GET', path: '/api/alerts/manage', handler: 'alerts/list-alerts', auth: 'public', access: 'read', table: READ },
];

/** `GET /api/reports/{id}`: the API Gateway route key of a route. */
export const routeKey = (r: Pick<RouteDefinition, 'method' | 'path'>) => `${r.method} ${r.path}`;
