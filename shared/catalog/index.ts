import { NotFoundError } from '../errors.js';
import rawCatalog from './catalog.json' with { type: 'json' };
import { type Catalog, type CatalogService, catalogSchema, type Workflow } from './schema.js';

export type { Catalog, CatalogService, Phase, Workflow, WorkflowState } from './schema.js';
export { PHASES } from './schema.js';

/** A service with its workflow resolved: the shape `GET /api/services` returns. */
export interface Service extends Omit<CatalogService, 'workflow'> {
  workflowId: string;
  workflow: Workflow;
}

/**
 * Parses and checks a catalog. Throws with every problem listed when it is invalid.
 * @example parseCatalog(JSON.parse(readFileSync('catalog.json', 'utf8')))
 */
export function parseCatalog(input: unknown): Catalog {
  const result = catalogSchema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`The service catalog is invalid:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** The jurisdiction's catalog, validated once when the module loads. */
export const catalog: Catalog = parseCatalog(rawCatalog);

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
