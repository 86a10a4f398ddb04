import { linkTokenQuerySchema } from '../../shared/schemas.js';
import { json, route } from '../lib/http.js';
import { manageAlerts } from '../ops/alerts.js';

/** "Manage my alerts": every alert of the address a link from any of its alert emails belongs to. */
export const handler = route({ query: linkTokenQuerySchema }, async ({ query }) => json(200, { items: await manageAlerts(query.token) }));
