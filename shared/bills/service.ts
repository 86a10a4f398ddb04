import { listServices, type Service } from '../catalog/index.js';

/**
 * The catalog's bill service (the first of kind "bill"): its workflow and teams govern every bill.
 * @example billService().workflow.initial // 'introduced'
 */
export function billService(): Service {
  const service = listServices('bill')[0];
  if (!service) throw new Error('The catalog has no service of kind "bill".');
  return service;
}
