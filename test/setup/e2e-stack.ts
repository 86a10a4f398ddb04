import type { TestProject } from 'vitest/node';
import { ensureSiteBuilt } from '../../infra/local/site-build.js';
import { ROOT } from '../../infra/local/stack.js';
import { startTestStack } from './local-stack.js';

/** Browser tests: the built site served by a real local stack with a little demo data. */
export default async function setup(project: TestProject) {
  ensureSiteBuilt(ROOT);
  return startTestStack(project, 60);
}
