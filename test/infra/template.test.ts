import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ESCALATION_EVERY_MINUTES, ESCALATION_TABLE_ACTIONS } from '../../functions/escalation/table-grants.js';
import { NOTIFIER_FILTER } from '../../functions/notify/filter.js';
import { ALERT_SENDER_EVERY_MINUTES, ALERT_SENDER_TABLE_ACTIONS, NOTIFIER_TABLE_ACTIONS } from '../../functions/notify/table-grants.js';
import { ROUTES } from '../../functions/routes.js';
import { TABLE_DEFINITION } from '../../functions/store/table.js';
import { ALARM_THRESHOLDS } from '../../infra/cdk/alarms.js';
import { jurisdiction } from '../../shared/jurisdiction/index.js';
import { synthBoard } from './synth.js';

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation is untyped JSON; the assertions check its shape.
type Cfn = any;
type Resource = { Type: string; Properties: Record<string, Cfn>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
let template: Template;
let resources: Record<string, Resource>;
beforeAll(() => {
  // Both stacks' resources together: the data stack's (table, pool, secrets) and the service stack's.
  const board = synthBoard({ config: { alarmEmail: 'ops@board.example.org' } });
  template = board.all;
  resources = board.resources;
});
const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const one = (type: string) => {
  const found = ofType(type);
  expect(found, type).toHaveLength(1);
  return found[0]![1];
};
const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

/** The DynamoDB actions a function's role may perform on the table. */
function tableActionsOf(fnLogicalId: string): string[] {
  const roleRef = resources[fnLogicalId]!.Properties.Role['Fn::GetAtt'][0];
  return ofType('AWS::IAM::Policy')
    .filter(([, p]) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleRef))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
    .flatMap((s: { Action: string | string[] }) => (Array.isArray(s.Action) ? s.Action : [s.Action]))
    .filter((a: string) => a.startsWith('dynamodb:'));
}

describe('the table', () => {
  it('is on-demand, point-in-time recoverable, deletion-protected, retained, streaming new and old images', () => {
    const table = one('AWS::DynamoDB::Table');
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: TABLE_DEFINITION.ttlAttribute, Enabled: true },
    });
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  it('has the keys and indexes of the definition the local stack and tests use', () => {
    const table = one('AWS::DynamoDB::Table');
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: TABLE_DEFINITION.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_DEFINITION.sortKey, KeyType: 'RANGE' },
    ]);
    const indexes = table.Properties.GlobalSecondaryIndexes.map((i: Cfn) => ({
      name: i.IndexName,
      keys: i.KeySchema.map((k: Cfn) => k.AttributeName),
      projection: i.Projection.ProjectionType,
    }));
    expect(indexes).toEqual(TABLE_DEFINITION.indexes.map((i) => ({ name: i.name, keys: [i.partitionKey, i.sortKey], projection: 'ALL' })));
  });
});

describe('the functions', () => {
  it('are one per route plus the notifier, the queue counters and statistics consumers, the SES events handler, the photo processor, the escalation job and the alert sender, each Node 24 on arm64 with source maps and a one-month log group', () => {
    const fns = ofType('AWS::Lambda::Function').filter(([, f]) => f.Properties.Environment?.Variables?.TABLE_NAME);
    expect(fns).toHaveLength(ROUTES.length + 7);
    for (const [id, fn] of fns) {
      expect(fn.Properties.Runtime, id).toBe('nodejs24.x');
      expect(fn.Properties.Architectures, id).toEqual(['arm64']);
      expect(fn.Properties.Handler, id).toBe('index.handler');
      expect(fn.Properties.Environment.Variables.NODE_OPTIONS, id).toBe('--enable-source-maps');
      const logGroup = resources[fn.Properties.LoggingConfig.LogGroup.Ref]!;
      expect(logGroup.Properties.RetentionInDays, id).toBe(30);
    }
  });

  it("keeps each stack within CloudFormation's 500 resources, with room for 15 more routes: functions share a log group, routes of the same grants a role", () => {
    const fns = ofType('AWS::Lambda::Function').filter(([, f]) => f.Properties.Environment?.Variables?.TABLE_NAME);
    expect(new Set(fns.map(([, f]) => f.Properties.LoggingConfig.LogGroup.Ref)).size).toBe(1);
    const board = synthBoard({ config: { alarmEmail: 'ops@board.example.org' } });
    const service = Object.keys(board.template.toJSON().Resources).length;
    // A route adds 4 (function, permission, integration, route) and sometimes a role and its policy.
    expect(service + 15 * 6).toBeLessThan(500);
    expect(service).toBeGreaterThan(300); // positive control: the whole service stack
    expect(Object.keys(board.dataTemplate.toJSON().Resources).length).toBeLessThan(500);
    // Shared roles: fewer roles than route functions, and never two roles with the same grants.
    const routeFns = ofType('AWS::Lambda::Function').filter(([id]) =>
      ofType('AWS::ApiGatewayV2::Integration').some(([, i]) => i.Properties.IntegrationUri['Fn::GetAtt']?.[0] === id),
    );
    const roles = new Set(routeFns.map(([, f]) => f.Properties.Role['Fn::GetAtt'][0]));
    expect(roles.size).toBeLessThan(routeFns.length / 2);
    const grantSets = new Set(
      ROUTES.map((r) => JSON.stringify([[...r.table].sort(), !!r.directory, !!r.signsUploads, !!r.withholdsPhotos])),
    );
    expect(roles.size).toBe(grantSets.size);
  });

  it('grants each route exactly the table actions its row lists: read-only rows no writes, no row a Scan (issue 21, defect 6)', () => {
    const byKey = new Map(ROUTES.map((r) => [`${r.method} ${r.path}`, r]));
    let checked = 0;
    for (const [id] of ofType('AWS::Lambda::Function')) {
      const integration = ofType('AWS::ApiGatewayV2::Integration').find(([, i]) => i.Properties.IntegrationUri['Fn::GetAtt']?.[0] === id);
      if (!integration) continue; // the stream consumers, CDK's helpers
      const route = ofType('AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties.Target['Fn::Join'][1][1].Ref === integration[0])![1];
      const row = byKey.get(route.Properties.RouteKey)!;
      const actions = tableActionsOf(id);
      expect([...actions].sort(), route.Properties.RouteKey).toEqual(row.table.map((a) => `dynamodb:${a}`).sort());
      expect(actions, route.Properties.RouteKey).not.toContain('dynamodb:Scan');
      if (row.access === 'read')
        expect(
          actions.filter((a) => WRITE_ACTIONS.includes(a)),
          route.Properties.RouteKey,
        ).toEqual([]);
      checked++;
    }
    expect(checked).toBe(ROUTES.length);
  });

  it('gives the public create route no delete or batch write, and no route a batch write', () => {
    const create = ROUTES.find((r) => r.method === 'POST' && r.path === '/api/reports')!;
    expect(create.table).not.toContain('DeleteItem');
    expect(create.table).not.toContain('BatchWriteItem');
    for (const row of ROUTES) expect(row.table, `${row.method} ${row.path}`).not.toContain('BatchWriteItem');
  });

  it('grants the notifier its delivery writes and reads, and the stream, nothing else', () => {
    const [notifierId] = ofType('AWS::Lambda::Function').find(([, f]) => f.Properties.Environment?.Variables?.MAIL_FROM)!;
    const STREAM = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];
    expect([...new Set(tableActionsOf(notifierId))].sort()).toEqual(
      [...NOTIFIER_TABLE_ACTIONS.map((a) => `dynamodb:${a}`), ...STREAM].sort(),
    );
  });

  it('lets only directory routes read the user pool', () => {
    const directoryPolicies = ofType('AWS::IAM::Policy').filter(([, p]) =>
      p.Properties.PolicyDocument.Statement.some((s: Cfn) => [s.Action].flat().includes('cognito-idp:ListUsersInGroup')),
    );
    // Plus the notifier: escalation emails go to every member of a service's team.
    expect(directoryPolicies).toHaveLength(ROUTES.filter((r) => r.directory).length + 1);
  });
});

describe('the HTTP API', () => {
  it('throttles the stage and writes JSON access logs kept a month', () => {
    const stage = one('AWS::ApiGatewayV2::Stage');
    expect(stage.Properties.StageName).toBe('$default');
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 });
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format);
    expect(format).toMatchObject({ routeKey: '$context.routeKey', status: '$context.status' });
    const logs = resources[stage.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][0]]!;
    expect(logs.Properties.RetentionInDays).toBe(30);
  });

  it("gives every route's function the user pool and site client its token check verifies against", () => {
    const [poolId] = ofType('AWS::Cognito::UserPool').map(([id]) => id);
    const [clientId] = ofType('AWS::Cognito::UserPoolClient').map(([id]) => id);
    const routeFunctions = ofType('AWS::Lambda::Function').filter(([, f]) => f.Properties.Environment?.Variables?.CURSOR_KEY);
    expect(routeFunctions).toHaveLength(ROUTES.length);
    for (const [id, fn] of routeFunctions) {
      // The pool is the data stack's: the service stack imports it (the export's name holds the logical id).
      expect(JSON.stringify(fn.Properties.Environment.Variables.USER_POOL_ID), id).toContain(poolId);
      expect(JSON.stringify(fn.Properties.Environment.Variables.USER_POOL_CLIENT_ID), id).toContain(clientId);
    }
  });
});

describe('staff sign-in', () => {
  it('has a strong password policy, TOTP MFA required for everyone (never SMS), no self sign-up, and is retained (issue 21, defect 4)', () => {
    const pool = one('AWS::Cognito::UserPool');
    expect(pool.Properties.Policies.PasswordPolicy).toMatchObject({
      MinimumLength: 12,
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
    });
    expect(pool.Properties.MfaConfiguration).toBe('ON');
    expect(pool.Properties.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(pool.Properties.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(true);
    expect(pool.DeletionPolicy).toBe('Retain');
  });

  // drainage and harbour-depot: the demo catalog's routing teams (every catalog team is a group).
  it('has the groups the handlers check and a secretless client for the site with password sign-in', () => {
    expect(
      ofType('AWS::Cognito::UserPoolGroup')
        .map(([, g]) => g.Properties.GroupName)
        .sort(),
    ).toEqual(['admin', 'drainage', 'harbour-depot', 'legislature', 'office-majority', 'roads']);
    const client = one('AWS::Cognito::UserPoolClient');
    expect(client.Properties.GenerateSecret).toBe(false);
    expect(client.Properties.ExplicitAuthFlows).toEqual(expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']));
    expect(client.Properties.PreventUserExistenceErrors).toBe('ENABLED');
  });

  it('creates an office-… group for every office of the jurisdiction config, so watchlists have their groups (issue 21, defect 5)', () => {
    const groups = ofType('AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties.GroupName);
    expect(jurisdiction.offices.length).toBeGreaterThan(0);
    for (const office of jurisdiction.offices) expect(groups).toContain(`office-${office.id}`);
    expect(groups.filter((g: string) => g.startsWith('office-'))).toHaveLength(jurisdiction.offices.length);
  });

  it('turns off the OAuth flows the console does not use: no implicit grant, no callback URLs', () => {
    const client = one('AWS::Cognito::UserPoolClient').Properties;
    expect(client.AllowedOAuthFlows ?? []).toEqual([]);
    expect(client.AllowedOAuthFlowsUserPoolClient ?? false).toBe(false);
    expect(client.CallbackURLs ?? []).toEqual([]);
  });
});

describe('the notifier', () => {
  it('reads the stream three times (notifier, queue counters, statistics), each with partial batch failures, bisection, bounded retries and its own SQS on-failure destination', () => {
    const mappings = ofType('AWS::Lambda::EventSourceMapping').map(([, m]) => m);
    // The SES events handler's queue is an SNS subscription's dead-letter queue, not a stream's.
    const queues = ofType('AWS::SQS::Queue').filter(([id]) => !id.startsWith('Mail'));
    expect(mappings).toHaveLength(3);
    const destinations = new Set<string>();
    for (const mapping of mappings) {
      expect(mapping.Properties).toMatchObject({
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 8,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
      expect(JSON.stringify(mapping.Properties.EventSourceArn)).toContain('StreamArn');
      destinations.add(mapping.Properties.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0]);
    }
    expect([...destinations].sort()).toEqual(queues.map(([id]) => id).sort());
    // Emails replay from the stream's start (delivery records dedupe); counters start at the tip, after a recount.
    expect(mappings.map((m) => m.Properties.StartingPosition).sort()).toEqual(['LATEST', 'LATEST', 'TRIM_HORIZON']);
    for (const [, queue] of queues) expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
  });

  it('lets the queue counters consumer only put and update items of the table', () => {
    const [id] = ofType('AWS::Lambda::Function').find(([fid]) => fid.startsWith('ViewsQueueCounts'))!;
    const streamActions = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];
    expect(
      tableActionsOf(id)
        .filter((a) => !streamActions.includes(a))
        .sort(),
    ).toEqual(['dynamodb:PutItem', 'dynamodb:UpdateItem']);
  });

  it('lets the statistics consumer only put and update items of the table', () => {
    const [id] = ofType('AWS::Lambda::Function').find(([fid]) => fid.startsWith('ViewsStats'))!;
    const streamActions = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];
    expect(
      tableActionsOf(id)
        .filter((a) => !streamActions.includes(a))
        .sort(),
    ).toEqual(['dynamodb:PutItem', 'dynamodb:UpdateItem']);
  });

  it('runs the SLA escalation job on a schedule, with the grants the local timer enforces', () => {
    const [id] = ofType('AWS::Lambda::Function').find(([fid]) => fid.startsWith('EscalationJob'))!;
    const rule = ofType('AWS::Events::Rule').find(([, r]) => JSON.stringify(r.Properties.Targets).includes(id))![1];
    expect(rule.Properties.ScheduleExpression).toBe(`rate(${ESCALATION_EVERY_MINUTES} minutes)`);
    expect(tableActionsOf(id).sort()).toEqual(ESCALATION_TABLE_ACTIONS.map((a) => `dynamodb:${a}`).sort());
  });

  it('is invoked only for notification INSERTs: the mapping filters on the pattern the local poller applies (issue 21, defect 7)', () => {
    // The notifier's mapping replays from the stream's start (the counters' starts at the tip).
    const mapping = ofType('AWS::Lambda::EventSourceMapping').find(([, m]) => m.Properties.StartingPosition === 'TRIM_HORIZON')![1];
    const filters = mapping.Properties.FilterCriteria?.Filters ?? [];
    expect(filters).toHaveLength(1);
    expect(JSON.parse(filters[0].Pattern)).toEqual(NOTIFIER_FILTER);
    expect(NOTIFIER_FILTER).toEqual({ eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['notification'] } } } });
  });

  it('may send email only as the configured SES identity, through the configuration set (the notifier and the alert sender)', () => {
    const sesStatements = ofType('AWS::IAM::Policy')
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
      .filter((s: Cfn) => [s.Action].flat().some((a: string) => a.startsWith('ses:')));
    expect(sesStatements).toHaveLength(2);
    for (const statement of sesStatements) {
      const resource = JSON.stringify(statement.Resource);
      expect(resource).toContain(':identity/board.democity.gov.uk');
      const [setId] = ofType('AWS::SES::ConfigurationSet').map(([id]) => id);
      expect(resource).toContain(':configuration-set/');
      expect(resource).toContain(setId);
      expect(resource).not.toContain('*');
    }
  });

  it('runs the alert sender every minute with the grants the local timer enforces, and its SES rate from the deploy config', () => {
    const [id, fn] = ofType('AWS::Lambda::Function').find(([fid]) => fid.startsWith('AlertSenderJob'))!;
    const rule = ofType('AWS::Events::Rule').find(([, r]) => JSON.stringify(r.Properties.Targets).includes(id))![1];
    expect(rule.Properties.ScheduleExpression).toBe(`rate(${ALERT_SENDER_EVERY_MINUTES} minute)`);
    expect(tableActionsOf(id).sort()).toEqual(ALERT_SENDER_TABLE_ACTIONS.map((a) => `dynamodb:${a}`).sort());
    // Its run ends 15 s before the timeout; the lease (run + 30 s) outlives a run the timeout kills.
    expect(fn.Properties.Timeout).toBe(75);
    expect(fn.Properties.Environment.Variables.SES_CONFIGURATION_SET).toBeDefined();
  });
});

describe('the site', () => {
  it('keeps both buckets private, encrypted and TLS-only', () => {
    for (const [id, bucket] of ofType('AWS::S3::Bucket')) {
      expect(bucket.Properties.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.BucketEncryption, id).toBeDefined();
    }
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it('serves the bucket through CloudFront with origin access control, never the website endpoint', () => {
    // One for the site bucket, one for the processed photos (test/infra/photos.test.ts).
    const [oac] = ofType('AWS::CloudFront::OriginAccessControl').map(([, r]) => r);
    expect(ofType('AWS::CloudFront::OriginAccessControl')).toHaveLength(2);
    expect(oac?.Properties.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' });
    const dist = one('AWS::CloudFront::Distribution').Properties.DistributionConfig;
    const s3Origin = dist.Origins.find((o: Cfn) => o.S3OriginConfig);
    expect(s3Origin.OriginAccessControlId).toBeDefined();
    expect(dist.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(dist.Logging).toBeDefined();
  });

  it('routes /api/* to the HTTP API: public GETs cached at most a minute, staff and subscription routes never', () => {
    const dist = one('AWS::CloudFront::Distribution').Properties.DistributionConfig;
    const apiBehaviours = dist.CacheBehaviors.filter((b: Cfn) => b.PathPattern.startsWith('/api/'));
    const behaviours = Object.fromEntries(apiBehaviours.map((b: Cfn) => [b.PathPattern, b]));
    const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
    expect(behaviours['/api/staff/*'].CachePolicyId).toBe(CACHING_DISABLED);
    expect(behaviours['/api/subscriptions/*'].CachePolicyId).toBe(CACHING_DISABLED);
    const publicPolicy = resources[behaviours['/api/*'].CachePolicyId.Ref]!.Properties.CachePolicyConfig;
    expect(publicPolicy.MaxTTL).toBeLessThanOrEqual(60);
    expect(publicPolicy.DefaultTTL).toBe(0);
    // Order matters: CloudFront takes the first match, so the uncached staff pattern precedes /api/*.
    const apiAndOpen311 = dist.CacheBehaviors.filter(
      (b: Cfn) => b.PathPattern.startsWith('/api/') || b.PathPattern.startsWith('/open311/'),
    );
    expect(apiAndOpen311.map((b: Cfn) => b.PathPattern)).toEqual(['/api/staff/*', '/api/subscriptions/*', '/api/*', '/open311/*']);
    for (const b of apiAndOpen311) {
      expect(b.ViewerProtocolPolicy).toBe('https-only');
      const origin = dist.Origins.find((o: Cfn) => o.Id === b.TargetOriginId);
      expect(origin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    }
  });

  it('keys the cached public API answers on Accept-Language (issue 23): labels and problems are in the language it asks for, one copy per language', () => {
    const dist = one('AWS::CloudFront::Distribution').Properties.DistributionConfig;
    const cached = dist.CacheBehaviors.filter((b: Cfn) => b.PathPattern === '/api/*' || b.PathPattern === '/open311/*');
    expect(cached).toHaveLength(2);
    for (const b of cached) {
      const policy = resources[b.CachePolicyId.Ref]!.Properties.CachePolicyConfig;
      const headers = policy.ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig;
      expect(headers.HeaderBehavior).toBe('whitelist');
      expect(headers.Headers.map((h: string) => h.toLowerCase())).toEqual(['accept-language']);
    }
  });

  it("forwards the viewer's address to the API (AllViewerExceptHostHeader carries CloudFront-Viewer-Address), which the per-client limits count", () => {
    const dist = one('AWS::CloudFront::Distribution').Properties.DistributionConfig;
    const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
    const apiBehaviours = dist.CacheBehaviors.filter(
      (b: Cfn) => b.PathPattern.startsWith('/api/') || b.PathPattern.startsWith('/open311/'),
    );
    expect(apiBehaviours.map((b: Cfn) => b.OriginRequestPolicyId)).toEqual([
      ALL_VIEWER_EXCEPT_HOST_HEADER,
      ALL_VIEWER_EXCEPT_HOST_HEADER,
      ALL_VIEWER_EXCEPT_HOST_HEADER,
      ALL_VIEWER_EXCEPT_HOST_HEADER,
    ]);
  });

  it('sends security headers: CSP without inline scripts, HSTS, nosniff, frame denial, referrer policy', () => {
    const policy = one('AWS::CloudFront::ResponseHeadersPolicy').Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = JSON.stringify(policy.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(policy.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 31536000, IncludeSubdomains: true, Override: true });
    expect(policy.ContentTypeOptions.Override).toBe(true);
    expect(policy.FrameOptions.FrameOption).toBe('DENY');
    expect(policy.ReferrerPolicy.ReferrerPolicy).toBe('strict-origin-when-cross-origin');
  });

  it('deploys the built site and writes /config.json with the user pool the site signs in to', () => {
    const deployment = one('Custom::CDKBucketDeployment').Properties;
    expect(deployment.SourceObjectKeys).toHaveLength(2);
    const markers = JSON.stringify(deployment.SourceMarkers);
    const [poolId] = ofType('AWS::Cognito::UserPool').map(([id]) => id);
    const [clientId] = ofType('AWS::Cognito::UserPoolClient').map(([id]) => id);
    expect(markers).toContain(poolId);
    expect(markers).toContain(clientId);
    expect(deployment.DistributionPaths).toEqual(['/*']);
  });
});

describe('alarms', () => {
  const alarms = (): Cfn[] => ofType('AWS::CloudWatch::Alarm').map(([id, a]) => ({ id, ...a.Properties }));

  it('watches every dead-letter queue and notifies the configured address from one topic', () => {
    const queueIds = ofType('AWS::SQS::Queue').map(([id]) => id);
    expect(queueIds).toHaveLength(4);
    const dlqs = alarms().filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible');
    expect(dlqs.map((a) => a.Dimensions[0].Value['Fn::GetAtt'][0]).sort()).toEqual(queueIds.sort());
    const [topicId] = ofType('AWS::SNS::Topic')
      .filter(([id]) => id.startsWith('Alarms'))
      .map(([id]) => id);
    for (const alarm of alarms()) expect(alarm.AlarmActions, alarm.id).toEqual([{ Ref: topicId }]);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@board.example.org',
      TopicArn: { Ref: topicId },
    });
  });

  it('alarms on the 5xx rate, not a count: 5xx over requests, as a percentage', () => {
    const rate = alarms().find((a) => a.id.startsWith('AlarmsServerErrorRate'))!;
    const expression = rate.Metrics.find((m: Cfn) => m.Expression).Expression;
    expect(expression).toContain('100 * errors / MAX([requests, 1])');
    const names = rate.Metrics.filter((m: Cfn) => m.MetricStat).map((m: Cfn) => m.MetricStat.Metric.MetricName);
    expect(names.sort()).toEqual(['5xx', 'Count']);
    expect(rate.Threshold).toBe(ALARM_THRESHOLDS.serverErrorPercent);
  });

  it("alarms on the API's p99 latency, account-wide Lambda throttles and each stream consumer's iterator age", () => {
    const slow = alarms().find((a) => a.ExtendedStatistic === 'p99')!;
    expect(slow).toMatchObject({ Namespace: 'AWS/ApiGateway', MetricName: 'Latency', Threshold: ALARM_THRESHOLDS.p99LatencyMs });
    const throttles = alarms().find((a) => a.MetricName === 'Throttles')!;
    expect(throttles).toMatchObject({ Namespace: 'AWS/Lambda' });
    expect(throttles.Dimensions).toBeUndefined();
    const lag = alarms().filter((a) => a.MetricName === 'IteratorAge');
    const consumers = ofType('AWS::Lambda::EventSourceMapping').map(([, m]) => m.Properties.FunctionName.Ref);
    expect(lag.map((a) => a.Dimensions[0].Value.Ref).sort()).toEqual(consumers.sort());
  });

  it('counts errors of every board function (and the secret rotation) in its error alarms', () => {
    const boardFns = ofType('AWS::Lambda::Function').filter(
      ([id, f]) => f.Properties.Environment?.Variables?.TABLE_NAME || id.startsWith('RotationRotate'),
    );
    const watched = alarms()
      .filter((a) => a.id.startsWith('AlarmsFunctionErrors'))
      .flatMap((a) => a.Metrics.filter((m: Cfn) => m.MetricStat?.Metric.MetricName === 'Errors'))
      .map((m: Cfn) => m.MetricStat.Metric.Dimensions[0].Value.Ref);
    expect(watched.sort()).toEqual(boardFns.map(([id]) => id).sort());
  });

  it('sets a retention on every log group', () => {
    for (const [id, group] of ofType('AWS::Logs::LogGroup')) expect(group.Properties.RetentionInDays, id).toBeGreaterThan(0);
  });
});

describe('the alert backlog alarm (issue 20)', () => {
  it('alarms when the alert sender’s queue stays above its threshold for 15 minutes, to the alarm topic', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').filter(([, a]) => a.Properties.MetricName === 'AlertEmailsQueued');
    expect(alarms).toHaveLength(1);
    expect(alarms[0]![1].Properties).toMatchObject({
      Threshold: ALARM_THRESHOLDS.alertBacklog,
      EvaluationPeriods: 3,
      Statistic: 'Maximum',
      ComparisonOperator: 'GreaterThanThreshold',
    });
    expect(alarms[0]![1].Properties.AlarmActions).toHaveLength(1);
  });
});
