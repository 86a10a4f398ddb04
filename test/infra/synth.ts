import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type Environment } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { boardStacks } from '../../infra/cdk/app-stacks.js';
import { DEFAULT_FEATURES, type DeployConfig, type Features } from '../../infra/cdk/config.js';

export const TEST_ENV: Environment = { account: '123456789012', region: 'eu-west-2' };
/** A sender on a real-looking domain: the stack refuses reserved example domains (infra/cdk/config.ts). */
export const TEST_CONFIG: DeployConfig = {
  senderEmail: 'Demo City board <no-reply@board.democity.gov.uk>',
  sesIdentity: 'board.democity.gov.uk',
  features: DEFAULT_FEATURES,
};

/**
 * Synthesizes the board's stacks with bundling skipped (no esbuild in tests): `env: undefined` is the
 * environment-agnostic synth a user without credentials gets from `npm run synth`. The site is a
 * placeholder folder: these tests are about the template, and the e2e tests cover the built site.
 * `stack`/`template` are the service stack's; `data`/`dataTemplate` the data stack's; `resources` both.
 */
export function synthBoard(
  options: { config?: Partial<Omit<DeployConfig, 'features'>>; features?: Partial<Features>; env?: Environment | undefined } = {},
) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const env = 'env' in options ? options.env : TEST_ENV;
  const config = { ...TEST_CONFIG, ...options.config, features: { ...DEFAULT_FEATURES, ...options.features } };
  const { data, service: stack, edge } = boardStacks(app, 'Test', config, { env, siteDir: placeholderSite() });
  const template = Template.fromStack(stack);
  const dataTemplate = Template.fromStack(data);
  const resources = { ...dataTemplate.toJSON().Resources, ...template.toJSON().Resources };
  return { app, stack, data, edge, template, dataTemplate, resources, all: Template.fromJSON({ Resources: resources }) };
}

let siteDir: string | undefined;
function placeholderSite(): string {
  if (!siteDir) {
    siteDir = mkdtempSync(join(tmpdir(), 'civicboard-site-'));
    mkdirSync(siteDir, { recursive: true });
    writeFileSync(join(siteDir, '404.html'), '<!doctype html><title>Page not found · civicboard</title><h1>Page not found</h1>');
    // The same pages in each of the demo's languages, as the build makes them (the default at the root).
    for (const prefix of ['', 'cy', 'es']) {
      for (const page of ['', 'track', 'queues']) {
        mkdirSync(join(siteDir, prefix, page), { recursive: true });
        writeFileSync(join(siteDir, prefix, page, 'index.html'), `<!doctype html><title>${page || 'civicboard'}</title>`);
      }
    }
  }
  return siteDir;
}
