import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { ensureSiteBuilt } from '../../infra/local/site-build.js';
import { ROOT } from '../../infra/local/stack.js';
import { startTestStack } from './local-stack.js';

/** Browser tests: the built site served by a real local stack with a little demo data. */
export default async function setup(project: TestProject) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    throw new Error(
      `The browser tests drive Debian's Chromium and found none at ${chromium}: install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  ensureSiteBuilt(ROOT);
  return startTestStack(project, 60);
}
