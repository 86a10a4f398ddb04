import * as z from 'zod';
import { json, route } from '../lib/http.js';
import { getItem } from '../store/items.js';
import { requestSubscription } from '../store/subscriptions.js';

const schema = z.object({ email: z.email('must be an email address like name@example.org').max(254) }).strict();

/**
 * Follow an item: sends a confirmation email; nothing else is sent until it is confirmed. Always 202,
 * so the answer never tells whether an address already follows.
 */
export const handler = route({ body: schema }, async ({ body, path }) => {
  const item = await getItem(path.id as string);
  await requestSubscription(item.id, body.email);
  return json(202, { status: 'pending', message: 'Check your inbox: follow the link in the email we sent to start receiving updates.' });
});
