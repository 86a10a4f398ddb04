import { NotFoundError } from '../../shared/errors.js';
import { linkTokenQuerySchema } from '../../shared/schemas.js';
import { route } from '../lib/http.js';
import { requestTranslator } from '../lib/language.js';
import { confirmFollow } from '../ops/follow.js';
import { linkFailure, linkResult } from './page.js';

/** The link in the confirmation email: the follower starts receiving updates. The page is in the browser's language. */
export const handler = route({ query: linkTokenQuerySchema }, async ({ query, header, event }) => {
  const tr = requestTranslator(event);
  try {
    await confirmFollow(query.token);
    return linkResult(header('accept'), 200, tr.t('api.link.follow.title'), tr.t('api.link.follow.message'), '', tr);
  } catch (err) {
    if (err instanceof NotFoundError)
      return linkResult(header('accept'), 404, tr.t('api.problem.link.title'), linkFailure(tr, err.message), '', tr);
    throw err;
  }
});
