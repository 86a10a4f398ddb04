import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type Environment } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { DeployConfig } from '../../infra/cdk/config.js';
import { CivicboardStack } from '../../infra/cdk/stack.js';

export const TEST_ENV: Environment = { account: '123456789012', region: 'eu-west-2' };
export const TEST_CONFIG: DeployConfig = { senderEmail: 'Demo City board <no-reply@board.example.org>', sesIdentity: 'board.example.org' };

/**
 * Synthesizes the board's stack with bundling skipped (no esbuild in tests): `env: undefined` is the
 * environment-agnostic synth a user without credentials gets from `npm run synth`. The site is a
 * placeholder folder: these tests are about the template, and the e2e tests cover the built site.
 */
export function synthBoard(options: { config?: Partial<DeployConfig>; env?: Environment | undefined } = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const env = 'env' in options ? options.env : TEST_ENV;
  const stack = new CivicboardStack(app, 'Test', { ...TEST_CONFIG, ...options.config }, { env, siteDir: placeholderSite() });
  return { app, stack, template: Template.fromStack(stack) };
}

let siteDir: string | undefined;
function placeholderSite(): string {
  if (!siteDir) {
    siteDir = mkdtempSync(join(tmpdir(), 'civicboard-site-'));
    mkdirSync(siteDir, { recursive: true });
    writeFileSync(join(siteDir, 'index.html'), '<!doctype html><title>civicboard</title>');
    writeFileSync(join(siteDir, '404.html'), '<!doctype html><title>Page not found · civicboard</title><h1>Page not found</h1>');
    mkdirSync(join(siteDir, 'track'), { recursive: true });
    writeFileSync(join(siteDir, 'track', 'index.html'), '<!doctype html><title>Track</title>');
  }
  return siteDir;
}
