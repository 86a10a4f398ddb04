import { listServices, type Service } from '../../shared/catalog/index.js';

/** The public catalog: every service with its workflow (states, labels, phases, allowed transitions). */
export function publicCatalog(): Omit<Service, 'workflowId'>[] {
  return listServices().map(({ workflowId: _id, ...service }) => service);
}
