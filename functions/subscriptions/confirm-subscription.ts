import * as z from 'zod';
import { NotFoundError } from '../../shared/errors.js';
import { route } from '../lib/http.js';
import { confirmSubscription } from '../store/subscriptions.js';
import { linkResult } from './page.js';

const query = z.object({ token: z.string().min(20).max(100) }).strict();

/** The link in the confirmation email: the follower starts receiving updates. */
export const handler = route({ query }, async ({ query, header }) => {
  try {
    await confirmSubscription(query.token);
    return linkResult(
      header('accept'),
      200,
      'You are following this item',
      'We will email you each time it moves along. Every email has a link to stop.',
    );
  } catch (err) {
    if (err instanceof NotFoundError) return linkResult(header('accept'), 404, 'Link not valid', err.message);
    throw err;
  }
});
