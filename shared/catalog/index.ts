import { NotFoundError } from '../errors.js';
import { type Jurisdiction, jurisdiction } from '../jurisdiction/index.js';
import { jurisdictionSource } from '../jurisdiction/source.js';
import { parseCatalog } from './parse.js';
import type { Catalog, CatalogService, Workflow } from './schema.js';

export { parseCatalog } from './parse.js';

export type { Catalog, CatalogService, Phase, RoutingRule, ServiceSla, Workflow, WorkflowState } from './schema.js';
export { PHASES } from './schema.js';

/** A service with its workflow resolved: the shape `GET /api/services` returns. */
export interface Service extends Omit<CatalogService, 'workflow'> {
  workflowId: string;
  workflow: Workflow;
}

/**
 * The chosen jurisdiction's catalog, validated once when the module loads. `catalog.jurisdiction` is the
 * jurisdiction (it used to live in the catalog): kept so older readers compile; new code imports
 * `jurisdiction` from shared/jurisdiction.
 */
export const catalog: Catalog & { /** @deprecated import `jurisdiction` from shared/jurisdiction */ jurisdiction: Jurisdiction } = {
  ...parseCatalog(jurisdictionSource().catalog, jurisdictionSource().folder),
  jurisdiction,
};

const services: Service[] = catalog.services.map((s) => ({
  ...s,
  workflowId: s.workflow,
  workflow: catalog.workflows[s.workflow] as Workflow,
}));
const byCode = new Map(services.map((s) => [s.code, s]));

/** Every service, in catalog order. */
export function listServices(kind?: Service['kind']): Service[] {
  return kind ? services.filter((s) => s.kind === kind) : services;
}

/**
 * The service with this code, or a NotFoundError.
 * @example getService('pothole').workflow.initial // 'new'
 */
export function getService(code: string): Service {
  const service = byCode.get(code);
  if (!service) throw new NotFoundError(`There is no service with code "${code}".`);
  return service;
}

export function findService(code: string): Service | undefined {
  return byCode.get(code);
}

/** Every team a service names (catalog `teams`), once each: the staff groups a deployment needs. */
export function catalogTeams(): string[] {
  return [...new Set(catalog.services.flatMap((s) => s.teams))];
}
