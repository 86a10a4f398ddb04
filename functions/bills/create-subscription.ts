import * as z from 'zod';
import { json, route } from '../lib/http.js';
import { getBill } from '../store/bills.js';
import { requestSubscription } from '../store/subscriptions.js';

const schema = z.object({ email: z.email('must be an email address like name@example.org').max(254) }).strict();

/** Follow a bill: the same double opt-in as reports; confirmed followers get every stage change and vote. Always 202. */
export const handler = route({ body: schema }, async ({ body, path }) => {
  const bill = await getBill(path.id as string);
  await requestSubscription(bill.id, body.email);
  return json(202, { status: 'pending', message: 'Check your inbox: follow the link in the email we sent to start receiving updates.' });
});
