import { type CfnElement, type Stack, Token, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { ROUTES } from '../../functions/routes.js';
import type { BoardApi } from './api.js';
import type { BoardSite } from './site.js';

interface Parts {
  api: BoardApi;
  site: BoardSite;
}

/**
 * cdk-nag (AwsSolutions) findings we accept, each on the construct it concerns and with the reason a
 * security reviewer would ask for. cdk-nag v3 acknowledges through CDK's own `Validations` API, one
 * finding id at a time. test/infra/nag.test.ts fails on any error not acknowledged here.
 */
export function acknowledgeFindings(stack: Stack, { api, site }: Parts): void {
  const ack = (scope: IConstruct, id: string, reason: string) => Validations.of(scope).acknowledge({ id, reason });

  // No route has an API Gateway authorizer: public routes are public on purpose, and staff routes verify
  // the Cognito ID token in the function, so a bad token gets problem+json rather than API Gateway's body.
  for (const route of ROUTES) {
    ack(
      api.routeOf(route),
      'AwsSolutions-APIG4',
      route.auth === 'public'
        ? `${route.method} ${route.path} is a public route of the board (SPEC §4): citizens use it without an account. It returns only the public view (no personal data); writes are validated and the stage throttles every route.`
        : `${route.method} ${route.path} is a staff route: its function verifies the Cognito ID token (signature against the pool's JWKS, issuer, audience, expiry, token_use) before anything else, in route() (functions/lib/staff-auth.ts), so a refusal is a problem+json 401 as locally; an API Gateway authorizer would answer {"message":"Unauthorized"}.`,
    );
  }

  // Every function role: logs through the AWS-managed basic execution policy; the table's own GSIs.
  ack(
    stack,
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'AWSLambdaBasicExecutionRole only allows creating log streams and putting log events: the AWS-maintained minimum for a function to write its logs, with no data access.',
  );
  const notifier = stack.node.findChild('Notifier');
  ack(
    notifier.node.findChild('Function'),
    'AwsSolutions-IAM5[Resource::*]',
    'dynamodb:ListStreams has no resource-level permissions, so the DynamoDB event source must grant it on "*"; it reveals stream ARNs only. Every other notifier permission is scoped to the table, its stream, the SES identity and the user pool.',
  );
  ack(
    notifier.node.findChild('FailedNotifications'),
    'AwsSolutions-SQS3',
    'This queue is itself the on-failure destination of the notifier; its depth is alarmed and a person replays or discards what lands there.',
  );

  const distribution = site.distribution;
  ack(
    distribution,
    'AwsSolutions-CFR1',
    'A public-sector board must stay reachable from anywhere (residents abroad, journalists, accessibility tools): there is no geography to restrict to.',
  );
  ack(
    distribution,
    'AwsSolutions-CFR2',
    'WAF is priced per web ACL and request; the API already throttles per stage, validates every input strictly and serves no personal data publicly. A council that needs WAF attaches its organisation web ACL.',
  );
  ack(
    distribution,
    'AwsSolutions-CFR4',
    'minimumProtocolVersion is TLSv1.2_2021 and CloudFront applies it once a custom domain and certificate are configured (domainName/certificateArn). With the default *.cloudfront.net certificate CloudFront does not allow choosing the protocol floor.',
  );

  // CDK's own BucketDeployment singleton, which copies the built site into the bucket at deploy time.
  const deployment = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (deployment) {
    const bucketId = stack.getLogicalId(site.bucket.node.defaultChild as CfnElement);
    const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
    const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    const reason =
      "CDK's BucketDeployment custom resource copies the built site from the CDK asset bucket into the site bucket and invalidates CloudFront, only during a deployment. Its wildcards are the S3 actions CDK defines for that copy, on object keys within those two buckets; CloudFront invalidation has no resource-level permissions.";
    for (const finding of [
      'Action::s3:GetObject*',
      'Action::s3:GetBucket*',
      'Action::s3:List*',
      'Action::s3:DeleteObject*',
      'Action::s3:Abort*',
      'Resource::*',
      `Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${account}-${region}/*`,
      `Resource::<${bucketId}.Arn>/*`,
    ]) {
      ack(deployment, `AwsSolutions-IAM5[${finding}]`, reason);
    }
    ack(
      deployment,
      'AwsSolutions-L1',
      "The BucketDeployment handler's runtime is chosen by aws-cdk-lib, not by this app; upgrading aws-cdk-lib moves it forward. It runs only during deployments.",
    );
  }
}
