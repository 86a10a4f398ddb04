import { sourceIp } from '../lib/http.js';
import { open311Response } from '../lib/open311-format.js';
import { open311Route } from '../lib/open311-route.js';
import { createOpen311Request } from '../ops/open311.js';

/**
 * `POST requests.json|xml` (form-encoded, with api_key): files a report as a machine-generated ticket.
 * 201 with the new request's id; a repeated attribute[external_id] from the same key answers 200 with the first one's.
 */
export const handler = open311Route(async ({ event, format, form }) => {
  const created = await createOpen311Request(form, sourceIp(event));
  return open311Response(
    created.replayed ? 200 : 201,
    format,
    [{ service_request_id: created.id, service_notice: '', account_id: null }],
    { root: 'service_requests', entry: 'request' },
    { location: `/open311/v2/requests/${created.id}.${format}` },
  );
});
