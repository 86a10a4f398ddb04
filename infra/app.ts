// The CDK app: `npx cdk synth` / `npx cdk deploy --all [-c jurisdiction=<folder>]`. Settings: docs/deploy.md.
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { JURISDICTION_ENV } from '../shared/jurisdiction/source.js';

const app = new App();
// The jurisdiction folder is read when shared/ first loads: choose it before importing the stacks.
const folder = app.node.tryGetContext('jurisdiction');
if (typeof folder === 'string' && folder.trim()) process.env[JURISDICTION_ENV] = folder.trim();
const { checkJurisdictionFolder } = await import('../shared/jurisdiction/check.js');
const { chosenJurisdictionFolder } = await import('../shared/jurisdiction/source.js');
checkJurisdictionFolder(chosenJurisdictionFolder());
const { boardStacks } = await import('./cdk/app-stacks.js');
const { deployConfig } = await import('./cdk/config.js');
const { ensureSiteBuilt } = await import('./local/site-build.js');
const { ROOT } = await import('./local/stack.js');

// Settings first: a wrong sender or flag stops here, before the site is built.
const config = deployConfig(app.node);
ensureSiteBuilt(ROOT, (line) => console.error(line));
const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;
boardStacks(app, app.node.tryGetContext('stackName') ?? 'Civicboard', config, {
  env: account || region ? { account, region } : undefined,
  siteDir: join(ROOT, 'site', 'dist'),
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
