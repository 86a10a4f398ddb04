import { FLAG_REASONS, type FlagReasonId, flagReasonText } from '../../../shared/flag-reasons.js';
import { type ApiError, apiFetch } from './api.js';
import { $, el, show } from './dom.js';
import { t } from './i18n.js';

/**
 * Shows the "Report this" form (components/FlagForm.astro) for a public report and sends the chosen
 * reason (and note) to `POST /api/reports/{id}/flags`. The outcome is said in words in a live region:
 * sent, over the limit (the API's 429 message, which says when to try again), or what to fix.
 * @example bindFlagForm(item.id, item.reference)
 */
export function bindFlagForm(itemId: string, reference: string): void {
  $('#flag').hidden = false;
  $('#flag-form').addEventListener('submit', (e) => void flag(itemId, reference, e as SubmitEvent));
}

async function flag(itemId: string, reference: string, e: SubmitEvent): Promise<void> {
  e.preventDefault();
  const form = $('#flag-form') as HTMLFormElement;
  const chosen = (form.querySelector('input[name="reason"]:checked') as HTMLInputElement | null)?.value as FlagReasonId | undefined;
  const error = $('#flag-error');
  const fieldset = form.querySelector('fieldset') as HTMLFieldSetElement;
  error.hidden = true;
  fieldset.removeAttribute('aria-invalid');
  if (!chosen || !FLAG_REASONS.some((r) => r.id === chosen)) {
    error.hidden = false;
    error.textContent = t('flag.error.reason');
    (form.querySelector('input[name="reason"]') as HTMLInputElement).focus();
    return;
  }
  const note = ($('#flag-note') as HTMLTextAreaElement).value;
  const button = $('#flag-submit') as HTMLButtonElement;
  button.disabled = true;
  try {
    await apiFetch(`/reports/${encodeURIComponent(itemId)}/flags`, { method: 'POST', json: { reason: flagReasonText(chosen, note) } });
    form.reset();
    show($('#flag-result'), el('p', { class: 'notice success', role: 'status' }, t('flag.sent', { reference })));
  } catch (err) {
    const problem = err as ApiError;
    const text = t('flag.not_sent', {
      reason: problem.status === 429 ? problem.message : (problem.errors?.[0]?.message ?? problem.message),
    });
    show($('#flag-result'), el('p', { class: 'notice error', role: 'alert' }, text));
  } finally {
    button.disabled = false;
  }
}
