import { listServices, type Service } from '../../shared/catalog/index.js';
import { translator } from '../../shared/i18n/board.js';
import type { Translator } from '../../shared/i18n/translator.js';

/**
 * The public catalog: every service with its workflow (states, labels, phases, allowed transitions), its
 * words (name, description, group, state and transition labels) in the translator's language, the
 * council's own where it has no translation. Codes, ids and phases never change with the language.
 */
export function publicCatalog(tr: Translator = translator()): Omit<Service, 'workflowId' | 'open311'>[] {
  // Where a service forwards its reports (a back-office endpoint and credential name) is the council's business.
  return listServices().map(({ workflowId, open311: _upstream, ...service }) => ({
    ...service,
    name: tr.text(`service.${service.code}.name`, service.name),
    description: tr.text(`service.${service.code}.description`, service.description),
    group: tr.text(`service.${service.code}.group`, service.group),
    workflow: {
      ...service.workflow,
      states: service.workflow.states.map((s) => ({ ...s, label: tr.text(`workflow.${workflowId}.state.${s.id}`, s.label) })),
      transitions: service.workflow.transitions.map((t) => ({
        ...t,
        ...(t.label !== undefined && { label: tr.text(`workflow.${workflowId}.transition.${t.from}.${t.to}`, t.label) }),
      })),
    },
  }));
}
