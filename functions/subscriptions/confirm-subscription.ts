import { NotFoundError } from '../../shared/errors.js';
import { linkTokenQuerySchema } from '../../shared/schemas.js';
import { route } from '../lib/http.js';
import { confirmFollow } from '../ops/follow.js';
import { linkResult } from './page.js';

/** The link in the confirmation email: the follower starts receiving updates. */
export const handler = route({ query: linkTokenQuerySchema }, async ({ query, header }) => {
  try {
    await confirmFollow(query.token);
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
