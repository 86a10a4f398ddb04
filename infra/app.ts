// The CDK app: `npx cdk synth` / `npx cdk deploy`. Settings: docs/deploy.md.
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { deployConfig } from './cdk/config.js';
import { CivicboardStack } from './cdk/stack.js';
import { ensureSiteBuilt } from './local/site-build.js';
import { ROOT } from './local/stack.js';

const app = new App();
ensureSiteBuilt(ROOT, (line) => console.error(line));
new CivicboardStack(app, app.node.tryGetContext('stackName') ?? 'Civicboard', deployConfig(app.node), {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  siteDir: join(ROOT, 'site', 'dist'),
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
