import { listServices } from '../../shared/catalog/index.js';
import { json, PUBLIC_CACHE, route } from '../lib/http.js';

/** The catalog with each service's workflow (states, labels, phases, allowed transitions). */
export const handler = route({}, async () => {
  const items = listServices().map(({ workflowId: _id, ...service }) => service);
  return json(200, { items }, PUBLIC_CACHE);
});
