/**
 * Why someone flags a report for the council's moderators (docs/moderation.md): the choices the public
 * "Report this" form offers. Zod-free, so the site bundles it. The API takes the reason as text (an API
 * client may give its own); the form sends the chosen label, and the optional note after it.
 */
export const FLAG_REASONS = [
  { id: 'personal', label: 'It shows personal information (a name, phone number or home)' },
  { id: 'offensive', label: 'It is offensive or abusive' },
  { id: 'photo', label: 'A photo should not be public' },
  { id: 'spam', label: 'It is spam or advertising' },
  { id: 'other', label: 'Something else' },
] as const;
export type FlagReasonId = (typeof FLAG_REASONS)[number]['id'];

/** The longest note the form takes, so label, separator and note stay within the API's 500 characters. */
export const FLAG_NOTE_MAX = 400;

/**
 * The reason the form sends: the chosen label, then the note when there is one.
 * @example flagReasonText('spam', ' Sells boilers ') // 'It is spam or advertising: Sells boilers'
 */
export function flagReasonText(id: FlagReasonId, note?: string): string {
  const label = FLAG_REASONS.find((r) => r.id === id)?.label ?? 'Something else';
  const extra = note?.trim().slice(0, FLAG_NOTE_MAX);
  return extra ? `${label}: ${extra}` : label;
}
