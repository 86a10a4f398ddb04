import { ValidationError } from '../../shared/errors.js';
import type { FlagInput } from '../../shared/moderation.js';
import { addFlag } from '../store/flags.js';
import { getItem, getItemWithHistory } from '../store/items.js';
import { limitClient } from './limits.js';
import { refuseHidden } from './read-reports.js';

/**
 * Anyone flags a report (or one of its public comments) for the council to review. Counted against the
 * client's flag limit (429 over it); a report already removed answers 410. The flag joins the report's
 * open flags in the moderation queue; nothing about the flagger is kept.
 */
export async function flagReport(idOrRef: string, input: FlagInput, sourceIp: string): Promise<void> {
  const { item, history } = input.comment
    ? await getItemWithHistory(idOrRef, 'report')
    : { item: await getItem(idOrRef, { kind: 'report' }), history: [] };
  refuseHidden(item);
  if (input.comment) {
    if (!history.some((e) => e.id === input.comment && e.type === 'comment' && e.visibility === 'public')) {
      throw new ValidationError([{ path: 'comment', message: `Report ${item.reference} has no public comment ${input.comment}.` }]);
    }
  }
  await limitClient('flag', sourceIp);
  await addFlag(item, { at: new Date().toISOString(), reason: input.reason, ...(input.comment ? { comment: input.comment } : {}) });
}
