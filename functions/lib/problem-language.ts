import type { FieldError } from '../../shared/errors.js';
import type { Translator } from '../../shared/i18n/translator.js';
import type { Problem } from './problem.js';

/** The language the board's own messages are written in (the code's text is the `en` catalog's). */
const SOURCE_LANGUAGE = 'en';

/**
 * The common field messages, by their English text (what the schemas say), and their `api` catalog
 * keys. A field message not listed here is the schema's own words and stays as written.
 */
const FIELD_MESSAGES: Record<string, string> = {
  'is not a known field': 'api.field.unknown',
  'must be an email address like name@example.org': 'api.field.email',
  'must be a whole number': 'api.field.whole_number',
  'must not be empty': 'api.field.not_empty',
  'must be between -90 and 90': 'api.field.latitude',
  'must be between -180 and 180': 'api.field.longitude',
  'is not valid JSON': 'api.field.json',
  'must be the ETag of the item, like "3"': 'api.field.etag',
};

/** zod's own wording for a missing or mistyped value ("Invalid input: expected string, received undefined"). */
const ZOD_TYPE = /^Invalid input: expected (\w+), received (\w+)$/;

function fieldMessage(message: string, tr: Translator): string {
  const key = FIELD_MESSAGES[message];
  if (key) return tr.t(key);
  const typed = ZOD_TYPE.exec(message);
  if (typed) return typed[2] === 'undefined' ? tr.t('api.field.required') : tr.t('api.field.type', { expected: typed[1] as string });
  return message;
}

/** `/problems/not-found` → `not_found`: the catalog key's part for a problem type. */
const slugOf = (type: string) => type.replace(/^\/problems\//, '').replace(/-/g, '_');

/**
 * A problem in the caller's language (`Accept-Language`, functions/lib/language.ts): its title and
 * detail from the `api` catalog (`api.problem.<slug>.title|detail`), the common field messages too.
 * The type, status, field paths and request id never change. In the source language the problem is
 * returned as the code wrote it, with its specific detail; another language gets the type's detail in
 * that language (with the retry time, or the fields to correct), since a domain error's free text has
 * no translation.
 * @example localizeProblem({ type: '/problems/not-found', title: 'Not found', status: 404, detail: '…' }, translator('cy')).title // 'Heb ei ganfod'
 */
export function localizeProblem(problem: Problem, tr: Translator, retryAfterSeconds?: number): Problem {
  if (tr.lang === SOURCE_LANGUAGE) return problem;
  const slug = slugOf(problem.type);
  const titleKey = `api.problem.${slug}.title`;
  if (tr.raw(titleKey) === undefined) return problem; // a type the catalog does not know: as written
  const errors: FieldError[] | undefined = problem.errors?.map((e) => ({ path: e.path, message: fieldMessage(e.message, tr) }));
  const detail =
    slug === 'validation' && errors?.length
      ? tr.t('api.problem.validation.detail', { count: errors.length, fields: tr.list(errors.map((e) => e.path)) })
      : tr.t(`api.problem.${slug}.detail`, { seconds: retryAfterSeconds ?? 1 });
  return { ...problem, title: tr.t(titleKey), detail, ...(errors && { errors }) };
}
