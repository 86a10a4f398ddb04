import type { App, Environment } from 'aws-cdk-lib';
import type { DeployConfig } from './config.js';
import { BoardDataStack } from './data-stack.js';
import { CivicboardStack } from './stack.js';
import { BoardEdgeStack } from './waf.js';

/**
 * The board's stacks, as `cdk deploy --all` deploys them (docs/deploy.md):
 * - `<name>`: the data stack (table, user pool, secrets). It keeps the single stack's name, so an
 *   existing deployment's table and pool stay where they are;
 * - `<name>-Edge` (only with `waf=true`): the WAF web ACL, in us-east-1 as CloudFront requires;
 * - `<name>-Service`: everything else, free to destroy and redeploy.
 */
const CROSS_STACK_REFERENCES = '@aws-cdk/core:defaultCrossStackReferences';

export function boardStacks(app: App, name: string, config: DeployConfig, options: { env?: Environment; siteDir: string }) {
  const env = options.env;
  // Exports and imports, which CloudFormation enforces: the data stack cannot drop or change a value the
  // service stack uses, nor be deleted under it (docs/deploy.md, "Two stacks").
  if (app.node.tryGetContext(CROSS_STACK_REFERENCES) === undefined) app.node.setContext(CROSS_STACK_REFERENCES, 'strong');
  const data = new BoardDataStack(app, name, { env });
  let edge: BoardEdgeStack | undefined;
  if (config.features.waf) {
    if (!env?.account || !env.region)
      throw new Error(
        'waf=true needs a concrete account and region (set CDK_DEFAULT_ACCOUNT/CDK_DEFAULT_REGION or use a profile): the web ACL lives in us-east-1 and the service stack reads it across regions',
      );
    edge = new BoardEdgeStack(app, `${name}-Edge`, {
      env: { account: env.account, region: 'us-east-1' },
      rateLimit: config.features.wafRateLimit,
      crossRegionReferences: true,
    });
  }
  const service = new CivicboardStack(app, `${name}-Service`, config, {
    env,
    siteDir: options.siteDir,
    data,
    webAclArn: edge?.webAclArn,
    crossRegionReferences: edge !== undefined,
  });
  return { data, edge, service };
}
