import { type ApiError, apiFetch } from './api.js';
import { $, el, show } from './dom.js';
import { t } from './i18n.js';

/**
 * Shows the follow form (components/FollowForm.astro) and sends its address to
 * `POST /api<itemPath>/subscriptions`; the API's field error is shown under the field.
 * @example bindFollowForm(`/reports/${encodeURIComponent(item.id)}`)
 */
export function bindFollowForm(itemPath: string): void {
  $('#follow').hidden = false;
  $('#follow-form').addEventListener('submit', (e) => void follow(itemPath, e as SubmitEvent));
}

async function follow(itemPath: string, e: SubmitEvent): Promise<void> {
  e.preventDefault();
  const input = $('#follow-email') as HTMLInputElement;
  const error = $('#follow-error');
  error.hidden = true;
  input.removeAttribute('aria-invalid');
  try {
    await apiFetch(`${itemPath}/subscriptions`, { method: 'POST', json: { email: input.value.trim() } });
    show($('#follow-result'), el('p', { class: 'notice success', role: 'status' }, t('follow.sent')));
    input.value = '';
  } catch (err) {
    const problem = err as ApiError;
    error.hidden = false;
    error.textContent = problem.errors?.[0]?.message ?? problem.message;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }
}
