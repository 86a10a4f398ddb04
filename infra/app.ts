// The CDK app: `npx cdk synth` / `npx cdk deploy --all`. Settings: docs/deploy.md.
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { boardStacks } from './cdk/app-stacks.js';
import { deployConfig } from './cdk/config.js';
import { ensureSiteBuilt } from './local/site-build.js';
import { ROOT } from './local/stack.js';

const app = new App();
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
