import type { Catalog } from '../catalog/schema.js';
import type { Jurisdiction } from '../jurisdiction/schema.js';
import type { Messages } from './translator.js';

/**
 * The keys of a jurisdiction's own text, with the folder's words as the default language's messages:
 * what its `i18n/<lang>.json` files translate. Resolutions have no text in catalog.json: their default is
 * the code in words (`not_ours` → "Not ours") unless the default language's file words it.
 */
export function catalogMessages(j: Jurisdiction, catalog: Catalog): Messages {
  const m: Messages = { 'jurisdiction.name': j.name };
  if (j.areas) m['areas.label'] = j.areas.label;
  for (const office of j.offices) m[`office.${office.id}.name`] = office.name;
  for (const s of catalog.services) {
    m[`service.${s.code}.name`] = s.name;
    m[`service.${s.code}.description`] = s.description;
    m[`service.${s.code}.group`] = s.group;
  }
  for (const [id, wf] of Object.entries(catalog.workflows)) {
    for (const state of wf.states) {
      m[`workflow.${id}.state.${state.id}`] = state.label;
      for (const r of state.resolutions ?? []) m[`resolution.${r}`] ??= words(r);
    }
    for (const t of wf.transitions) m[`workflow.${id}.transition.${t.from}.${t.to}`] = t.label;
  }
  return m;
}

/** `not_ours` → "Not ours". */
export function words(code: string): string {
  const text = code.replace(/[_-]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
