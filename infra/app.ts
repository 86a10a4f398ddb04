// The CDK app: `npx cdk synth` / `npx cdk deploy [-c jurisdiction=<folder>]`. Settings: docs/deploy.md.
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { JURISDICTION_ENV } from '../shared/jurisdiction/source.js';

const ROOT = join(import.meta.dirname, '..');

const app = new App();
// The jurisdiction folder is read when shared/ first loads: choose it before importing the stack.
const folder = app.node.tryGetContext('jurisdiction');
if (typeof folder === 'string' && folder.trim()) process.env[JURISDICTION_ENV] = folder.trim();
const { checkJurisdictionFolder } = await import('../shared/jurisdiction/check.js');
const { chosenJurisdictionFolder } = await import('../shared/jurisdiction/source.js');
checkJurisdictionFolder(chosenJurisdictionFolder());
const { deployConfig } = await import('./cdk/config.js');
const { CivicboardStack } = await import('./cdk/stack.js');
const { ensureSiteBuilt } = await import('./local/site-build.js');
ensureSiteBuilt(ROOT, (line) => console.error(line));
new CivicboardStack(app, app.node.tryGetContext('stackName') ?? 'Civicboard', deployConfig(app.node), {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  siteDir: join(ROOT, 'site', 'dist'),
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
