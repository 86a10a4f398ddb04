import { listServices, type Service } from '../../shared/catalog/index.js';

/** The public catalog: every service with its workflow (states, labels, phases, allowed transitions). */
export function publicCatalog(): Omit<Service, 'workflowId' | 'open311'>[] {
  // Where a service forwards its reports (a back-office endpoint and credential name) is the council's business.
  return listServices().map(({ workflowId: _id, open311: _upstream, ...service }) => service);
}
