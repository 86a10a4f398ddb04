import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../functions/lib/env.js';
import { METRIC } from '../../functions/lib/metrics.js';
import { ROUTES } from '../../functions/routes.js';
import { deployConfig } from '../../infra/cdk/config.js';
import { MANAGED_RULE_GROUPS } from '../../infra/cdk/waf.js';
import { synthBoard } from './synth.js';

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation is untyped JSON; the assertions check its shape.
type Cfn = any;
type Resources = Record<string, { Type: string; Properties: Cfn; DeletionPolicy?: string; UpdateReplacePolicy?: string }>;
const ofType = (resources: Resources, type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const configFrom = (context: Record<string, unknown>) => deployConfig(new App({ context }).node);

describe('the sender (issue 21, SES)', () => {
  it.each([
    'no-reply@example.org',
    'Board <no-reply@example.com>',
    'no-reply@board.example.net',
    'no-reply@board.test',
    'no-reply@civicboard.local',
  ])('refuses to synthesise with %s, naming the reserved domain', (senderEmail) => {
    expect(() => configFrom({ senderEmail })).toThrow(/reserved for examples.*docs\/deploy\.md/);
  });

  it("with no sender given, falls back to the jurisdiction's mail.from and refuses the demo's example address", () => {
    expect(() => configFrom({})).toThrow(/no-reply@example\.org.*reserved for examples/);
  });

  it('accepts an address on a real domain and derives the SES identity from it', () => {
    expect(configFrom({ senderEmail: 'Board <no-reply@board.democity.gov.uk>' })).toMatchObject({
      senderEmail: 'Board <no-reply@board.democity.gov.uk>',
      sesIdentity: 'board.democity.gov.uk',
      features: { waf: false },
    });
  });

  it('the stack itself refuses an example sender, whoever builds it', () => {
    expect(() => synthBoard({ config: { senderEmail: 'no-reply@example.org' } })).toThrow(/reserved for examples/);
  });
});

describe('feature flags from context', () => {
  const sender = { senderEmail: 'no-reply@board.democity.gov.uk' };
  it('reads waf, its rate, reserved concurrency, the budget and tracing', () => {
    const config = configFrom({
      ...sender,
      tracing: 'false',
      powertoolsLayerVersion: '40',
      waf: 'true',
      wafRateLimit: '500',
      reservedConcurrency: '{"public":20,"staff":5,"consumers":3}',
      budgetMonthlyUsd: '50',
      alarmEmail: 'ops@board.democity.gov.uk',
    });
    expect(config.features).toMatchObject({
      waf: true,
      wafRateLimit: 500,
      reservedConcurrency: { public: 20, staff: 5, consumers: 3 },
      budgetMonthlyUsd: 50,
      tracing: false,
      powertoolsLayerVersion: 40,
    });
    expect(configFrom(sender).features.tracing).toBe(true);
  });

  it.each([
    [{ waf: 'yes' }, /waf must be true or false/],
    [{ tracing: 'on' }, /tracing must be true or false/],
    [{ reservedConcurrency: '{"reads":5}' }, /"reads" is not one of public, staff, consumers/],
    [{ reservedConcurrency: '20' }, /reservedConcurrency must be JSON/],
    [{ budgetMonthlyUsd: '-3' }, /budgetMonthlyUsd must be a whole number/],
    [{ budgetMonthlyUsd: '50' }, /budgetMonthlyUsd needs alarmEmail/],
  ])('refuses %j with a message naming the flag', (flags, message) => {
    expect(() => configFrom({ ...sender, ...flags })).toThrow(message);
  });
});

describe('SES events', () => {
  let resources: Resources;
  beforeAll(() => {
    resources = synthBoard().resources as Resources;
  });

  it('a configuration set sends bounces and complaints to an encrypted topic, and SES suppresses them too', () => {
    const [[setId, set]] = ofType(resources, 'AWS::SES::ConfigurationSet') as [[string, Cfn]];
    expect(set.Properties.SuppressionOptions.SuppressedReasons.sort()).toEqual(['BOUNCE', 'COMPLAINT']);
    const [[, destination]] = ofType(resources, 'AWS::SES::ConfigurationSetEventDestination') as [[string, Cfn]];
    expect(destination.Properties.ConfigurationSetName).toEqual({ Ref: setId });
    const config = destination.Properties.EventDestination;
    expect(config.Enabled).toBe(true);
    expect(config.MatchingEventTypes.sort()).toEqual(['bounce', 'complaint']);
    const topicId = config.SnsDestination.TopicARN.Ref;
    expect(resources[topicId]!.Properties.KmsMasterKeyId).toBeDefined();
    const policy = ofType(resources, 'AWS::SNS::TopicPolicy').find(([, p]) => p.Properties.Topics.some((t: Cfn) => t.Ref === topicId))!;
    expect(JSON.stringify(policy[1].Properties.PolicyDocument)).toContain('ses.amazonaws.com');
  });

  it('the topic invokes the SES events handler, which may only put items, with a dead-letter queue for undelivered events', () => {
    const handler = ofType(resources, 'AWS::Lambda::Function').find(([id]) => id.startsWith('MailHandler'))!;
    const sub = ofType(resources, 'AWS::SNS::Subscription').find(([, s]) => s.Properties.Protocol === 'lambda')![1];
    expect(sub.Properties.Endpoint).toEqual({ 'Fn::GetAtt': [handler[0], 'Arn'] });
    expect(JSON.stringify(sub.Properties.RedrivePolicy)).toContain('MailUndeliveredEvents');
    const roleRef = handler[1].Properties.Role['Fn::GetAtt'][0];
    const actions = ofType(resources, 'AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: Cfn) => r.Ref === roleRef))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
      .flatMap((s: Cfn) => [s.Action].flat())
      .filter((a: string) => a.startsWith('dynamodb:'));
    expect(actions).toEqual(['dynamodb:PutItem']);
  });

  it('the notifier sends through the configuration set', () => {
    const [setId] = ofType(resources, 'AWS::SES::ConfigurationSet').map(([id]) => id);
    const notifier = ofType(resources, 'AWS::Lambda::Function').find(([id]) => id.startsWith('NotifierFunction'))![1];
    expect(notifier.Properties.Environment.Variables[ENV.sesConfigurationSet]).toEqual({ Ref: setId });
  });
});

describe('two stacks: data apart from service', () => {
  let board: ReturnType<typeof synthBoard>;
  beforeAll(() => {
    board = synthBoard();
  });
  const typesOf = (t: Template) => new Set(Object.values(t.toJSON().Resources as Resources).map((r) => r.Type));

  it('the data stack holds the table, the user pool and the secrets, termination-protected, every resource retained', () => {
    expect(board.data.terminationProtection).toBe(true);
    const data = board.dataTemplate.toJSON().Resources as Resources;
    for (const type of ['AWS::DynamoDB::Table', 'AWS::Cognito::UserPool', 'AWS::SecretsManager::Secret'])
      expect(ofType(data, type).length, type).toBeGreaterThan(0);
    for (const type of ['AWS::DynamoDB::Table', 'AWS::Cognito::UserPool', 'AWS::SecretsManager::Secret'])
      for (const [id, r] of ofType(data, type)) {
        expect(r.DeletionPolicy, id).toBe('Retain');
        expect(r.UpdateReplacePolicy, id).toBe('Retain');
      }
  });

  it('the service stack has no table, pool or secret of its own: it can be destroyed and redeployed', () => {
    const types = typesOf(board.template);
    for (const type of ['AWS::DynamoDB::Table', 'AWS::Cognito::UserPool', 'AWS::Cognito::UserPoolClient', 'AWS::SecretsManager::Secret'])
      expect(types.has(type), type).toBe(false);
    // Positive control: it does hold the API, the functions and the site.
    for (const type of ['AWS::ApiGatewayV2::Api', 'AWS::Lambda::Function', 'AWS::CloudFront::Distribution'])
      expect(types.has(type), type).toBe(true);
    expect(board.stack.terminationProtection).toBe(false);
  });

  it('keeps the logical ids the single stack gave the table and the pool, so moving to two stacks replaces neither', () => {
    // These are the ids on main before the split (Store/Table and Staff/Pool in the "Civicboard" stack).
    const data = board.dataTemplate.toJSON().Resources as Resources;
    expect(data.StoreTable0CCFA19B?.Type).toBe('AWS::DynamoDB::Table');
    expect(data.StaffPool8CA90F24?.Type).toBe('AWS::Cognito::UserPool');
    expect(board.data.tableLogicalId).toBe('StoreTable0CCFA19B');
  });

  it('the service stack imports the table from the data stack, which exports it', () => {
    const outputs = board.dataTemplate.toJSON().Outputs as Record<string, { Export?: { Name: string } }>;
    const exported = Object.values(outputs)
      .map((o) => o.Export?.Name)
      .filter(Boolean);
    expect(exported.some((n) => n?.includes('StoreTable0CCFA19B'))).toBe(true);
    expect(JSON.stringify(board.template.toJSON())).toContain('Fn::ImportValue');
  });

  it('cdk-nag finds no unacknowledged error in the data stack either', () => {
    const report = new AwsSolutionsChecks(board.app).validateScope(board.data);
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  });
});

describe('observability', () => {
  let resources: Resources;
  beforeAll(() => {
    resources = synthBoard().resources as Resources;
  });

  it('a dashboard shows the API, the business counts the functions emit, email, stream lag and failure queues', () => {
    const [[, dashboard]] = ofType(resources, 'AWS::CloudWatch::Dashboard') as [[string, Cfn]];
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const name of [METRIC.reportsCreated, METRIC.transitions, METRIC.emailsSent, METRIC.emailsSuppressed, METRIC.rateLimited])
      expect(body, name).toContain(`\\"${name}\\"`);
    for (const name of ['IteratorAge', 'ApproximateNumberOfMessagesVisible', '5xx', 'Latency', 'Throttles'])
      expect(body, name).toContain(name);
    expect(body).toContain('civicboard');
  });

  it('has no budget unless asked, and with budgetMonthlyUsd one alerting the alarm address at 80% actual and 100% forecast', () => {
    expect(ofType(resources, 'AWS::Budgets::Budget')).toEqual([]);
    const withBudget = synthBoard({ config: { alarmEmail: 'ops@board.democity.gov.uk' }, features: { budgetMonthlyUsd: 40 } })
      .resources as Resources;
    const [[, budget]] = ofType(withBudget, 'AWS::Budgets::Budget') as [[string, Cfn]];
    expect(budget.Properties.Budget).toMatchObject({ BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: 40, Unit: 'USD' } });
    const notes = budget.Properties.NotificationsWithSubscribers;
    expect(notes.map((n: Cfn) => [n.Notification.NotificationType, n.Notification.Threshold])).toEqual([
      ['ACTUAL', 80],
      ['FORECASTED', 100],
    ]);
    for (const n of notes) expect(n.Subscribers).toEqual([{ SubscriptionType: 'EMAIL', Address: 'ops@board.democity.gov.uk' }]);
  });
});

describe('protection (optional)', () => {
  it('has no WAF and no reserved concurrency by default', () => {
    const board = synthBoard();
    expect(board.edge).toBeUndefined();
    expect(ofType(board.resources as Resources, 'AWS::WAFv2::WebACL')).toEqual([]);
    for (const [id, fn] of ofType(board.resources as Resources, 'AWS::Lambda::Function'))
      expect(fn.Properties.ReservedConcurrentExecutions, id).toBeUndefined();
  });

  it('with waf=true, a us-east-1 web ACL with a rate rule and AWS managed rule groups guards the distribution', () => {
    const board = synthBoard({ features: { waf: true, wafRateLimit: 600 } });
    expect(board.edge?.region).toBe('us-east-1');
    const edge = Template.fromStack(board.edge!).toJSON().Resources as Resources;
    const [[aclId, acl]] = ofType(edge, 'AWS::WAFv2::WebACL') as [[string, Cfn]];
    expect(acl.Properties.Scope).toBe('CLOUDFRONT');
    const rules = acl.Properties.Rules;
    expect(rules.find((r: Cfn) => r.Statement.RateBasedStatement)?.Statement.RateBasedStatement).toMatchObject({
      Limit: 600,
      AggregateKeyType: 'IP',
    });
    expect(
      rules.filter((r: Cfn) => r.Statement.ManagedRuleGroupStatement).map((r: Cfn) => r.Statement.ManagedRuleGroupStatement.Name),
    ).toEqual([...MANAGED_RULE_GROUPS]);
    const dist = ofType(board.resources as Resources, 'AWS::CloudFront::Distribution')[0]![1];
    expect(dist.Properties.DistributionConfig.WebACLId).toBeDefined();
    expect(JSON.stringify(dist.Properties.DistributionConfig.WebACLId)).toContain(aclId);
    expect(new AwsSolutionsChecks(board.app).validateScope(board.edge!).violations.map((v) => v.ruleName)).toEqual([]);
  });

  it('waf=true without a concrete account and region stops with a message saying why', () => {
    expect(() => synthBoard({ env: undefined, features: { waf: true } })).toThrow(/waf=true needs a concrete account and region/);
  });

  it('reserved concurrency caps public functions and reserves capacity for staff functions and the stream consumers', () => {
    const resources = synthBoard({ features: { reservedConcurrency: { public: 20, staff: 5, consumers: 3 } } }).resources as Resources;
    const fns = ofType(resources, 'AWS::Lambda::Function').filter(([, f]) => f.Properties.Environment?.Variables?.TABLE_NAME);
    const staffRoutes = ROUTES.filter((r) => r.auth === 'staff').length;
    const byValue = (n: number) => fns.filter(([, f]) => f.Properties.ReservedConcurrentExecutions === n).length;
    expect(byValue(20)).toBe(ROUTES.length - staffRoutes);
    expect(byValue(5)).toBe(staffRoutes);
    expect(byValue(3)).toBe(4); // the notifier, the queue counters, the statistics and the SES events handler
  });
});

describe('automatic secret rotation', () => {
  let resources: Resources;
  beforeAll(() => {
    resources = synthBoard().resources as Resources;
  });

  it('rotates the origin secret and the cursor key every 30 days with the board rotation function', () => {
    const schedules = ofType(resources, 'AWS::SecretsManager::RotationSchedule').map(([, s]) => s.Properties);
    const secrets = ofType(resources, 'AWS::SecretsManager::Secret').map(([id]) => id);
    expect(secrets).toHaveLength(2);
    expect(schedules).toHaveLength(2);
    const [rotateId] = ofType(resources, 'AWS::Lambda::Function')
      .filter(([id]) => id.startsWith('RotationRotate'))
      .map(([id]) => id);
    for (const schedule of schedules) {
      expect(schedule.RotationLambdaARN).toEqual({ 'Fn::GetAtt': [rotateId, 'Arn'] });
      expect(schedule.RotationRules.ScheduleExpression).toBe('rate(30 days)');
    }
    // Each secret (in the data stack, imported by name of its export) has its schedule.
    for (const secret of secrets)
      expect(
        schedules.some((s) => JSON.stringify(s.SecretId).includes(secret)),
        secret,
      ).toBe(true);
  });

  it('the rotation function may update only the distribution that sends the origin secret', () => {
    const [[, fn]] = ofType(resources, 'AWS::Lambda::Function').filter(([id]) => id.startsWith('RotationRotate')) as [[string, Cfn]];
    const [distributionId] = ofType(resources, 'AWS::CloudFront::Distribution').map(([id]) => id);
    expect(fn.Properties.Environment.Variables.ROTATION_DISTRIBUTION_ID).toEqual({ Ref: distributionId });
    const roleRef = fn.Properties.Role['Fn::GetAtt'][0];
    const statements = ofType(resources, 'AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: Cfn) => r.Ref === roleRef))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
    const cloudfront = statements.filter((s: Cfn) => [s.Action].flat().some((a: string) => a.startsWith('cloudfront:')));
    expect(cloudfront).toHaveLength(1);
    expect([cloudfront[0].Action].flat().sort()).toEqual(['cloudfront:GetDistributionConfig', 'cloudfront:UpdateDistribution']);
    expect(JSON.stringify(cloudfront[0].Resource)).toContain(distributionId);
  });

  it('every API function may re-read the origin secret (its ARN in the environment), and nothing else in Secrets Manager', () => {
    const apiFns = ofType(resources, 'AWS::Lambda::Function').filter(([, f]) => f.Properties.Environment?.Variables?.CURSOR_KEY);
    expect(apiFns).toHaveLength(ROUTES.length);
    const originSecret = ofType(resources, 'AWS::SecretsManager::Secret').find(([, s]) => /CloudFront/.test(s.Properties.Description))![0];
    for (const [id, fn] of apiFns) {
      expect(JSON.stringify(fn.Properties.Environment.Variables.ORIGIN_SECRET_ARN), id).toContain(originSecret);
      const roleRef = fn.Properties.Role['Fn::GetAtt'][0];
      const sm = ofType(resources, 'AWS::IAM::Policy')
        .filter(([, p]) => p.Properties.Roles.some((r: Cfn) => r.Ref === roleRef))
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
        .filter((s: Cfn) => [s.Action].flat().some((a: string) => a.startsWith('secretsmanager:')));
      expect(sm.length, id).toBeGreaterThan(0);
      for (const s of sm) {
        expect(
          [s.Action].flat().every((a: string) => a === 'secretsmanager:GetSecretValue' || a === 'secretsmanager:DescribeSecret'),
          id,
        ).toBe(true);
        expect(JSON.stringify(s.Resource), id).toContain(originSecret);
      }
    }
  });
});
