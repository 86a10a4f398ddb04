import { languageFor, translator } from '../../shared/i18n/board.js';
import type { Translator } from '../../shared/i18n/translator.js';
import type { HttpEvent } from './http.js';

/**
 * The language a request is answered in (and a follow, alert or report keeps for its emails): the
 * offered language its `Accept-Language` asks for, the jurisdiction's default when it asks for none of
 * them or sends none. Machine fields (codes, ids, states) never depend on it; labels and messages do.
 */
export function requestLanguage(event: Pick<HttpEvent, 'headers'>): string {
  const headers = event.headers ?? {};
  const raw = Object.entries(headers).find(([key]) => key.toLowerCase() === 'accept-language')?.[1];
  return languageFor(raw);
}

/** The request's translator. */
export const requestTranslator = (event: Pick<HttpEvent, 'headers'>): Translator => translator(requestLanguage(event));

/**
 * Headers of a response whose words depend on `Accept-Language`: which language it is in, and that
 * caches (CloudFront, browsers) must key it on the header (CloudFront's API cache policy includes it:
 * infra/cdk).
 */
export const languageHeaders = (lang: string): Record<string, string> => ({ 'content-language': lang, vary: 'Accept-Language' });
