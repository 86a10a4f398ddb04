import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** AWS managed rule groups the web ACL runs, in order (each counts as WCUs against the 1,500 default). */
export const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
] as const;

/**
 * The optional WAF in front of CloudFront (context `waf=true`). A CloudFront web ACL must live in
 * us-east-1, so it is a stack of its own there; the service stack reads its ARN across regions.
 *
 * - AWS managed rule groups: IP reputation, the common rule set, known bad inputs. The common set's
 *   body-size rule is set to count only: the board's own limit (64 KB, docs/limits.md) answers a clear
 *   413 problem+json, where WAF's block would be a bare 403.
 * - A rate rule per viewer address (default 1,000 requests per 5 minutes) above the board's own
 *   per-client limits, which stay the finer, problem+json-speaking layer.
 */
export class BoardEdgeStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: StackProps & { rateLimit: number }) {
    super(scope, id, { description: 'civicboard edge: WAF web ACL for CloudFront', ...props });
    const visibility = (name: string) => ({ cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true });
    const acl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('civicboard-waf'),
      rules: [
        {
          name: 'RatePerAddress',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: props.rateLimit, aggregateKeyType: 'IP', evaluationWindowSec: 300 } },
          visibilityConfig: visibility('civicboard-rate'),
        },
        ...MANAGED_RULE_GROUPS.map((name, i) => ({
          name,
          priority: i + 1,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name,
              ...(name === 'AWSManagedRulesCommonRuleSet' && {
                ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }],
              }),
            },
          },
          visibilityConfig: visibility(`civicboard-${name}`),
        })),
      ],
    });
    this.webAclArn = acl.attrArn;
    new CfnOutput(this, 'WebAclArn', { value: acl.attrArn });
  }
}
