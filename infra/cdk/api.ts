import { createHash } from 'node:crypto';
import { Duration, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, type HttpRoute, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { ManagedPolicy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ENV } from '../../functions/lib/env.js';
import { ORIGIN_ENV } from '../../functions/lib/origin.js';
import { ROUTES, type RouteDefinition, routeKey } from '../../functions/routes.js';
import type { StaffAuth } from './auth.js';
import type { CursorKey } from './cursor-key.js';
import { boardFunction, grantTable, reserveConcurrency } from './lambda.js';
import type { OriginHeader, OriginSecret } from './origin-secret.js';

/** One JSON line per request: the HTTP API's own fields, no request bodies or tokens (no personal data). */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    routeKey: '$context.routeKey',
    status: '$context.status',
    latencyMs: '$context.responseLatency',
    integrationLatencyMs: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    responseLength: '$context.responseLength',
    sourceIp: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
  }),
);

/** A construct id from a route: `GET /api/reports/{id}` → `GetApiReportsId`. */
export const routeId = (r: RouteDefinition) =>
  `${r.method[0]}${r.method.slice(1).toLowerCase()}${r.path
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p[0]?.toUpperCase() + p.slice(1))
    .join('')}`;

/**
 * The HTTP API: one route and one function per row of the route table, least-privilege table grants,
 * stage throttling and JSON access logs. No API Gateway authorizer: its 401s are `{"message":…}`, so
 * staff tokens are verified in the function (`route()` → functions/lib/staff-auth.ts), with the same
 * code and the same problem+json locally and in AWS.
 */
export class BoardApi extends Construct {
  readonly api: HttpApi;
  readonly functions = new Map<string, NodejsFunction>();
  private readonly routes = new Map<string, HttpRoute>();
  /** What CloudFront must send: the site's API origin carries it (infra/cdk/site.ts). */
  readonly originHeader: OriginHeader;

  constructor(
    scope: Construct,
    id: string,
    props: {
      table: Table;
      auth: StaffAuth;
      cursorKey: CursorKey;
      originSecret: OriginSecret;
      logLevel?: string;
      originSecretPreviousVersion?: string;
      /** Reserved concurrency of public and staff functions (context `reservedConcurrency`); none when undefined. */
      reservedConcurrency?: { public?: number; staff?: number };
    },
  ) {
    super(scope, id);
    this.api = new HttpApi(this, 'HttpApi', { createDefaultStage: false, description: 'civicboard API' });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 100, burstLimit: 200 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });
    const { userPool } = props.auth;
    const origin = props.originSecret.header(props.originSecretPreviousVersion);
    this.originHeader = origin;
    const previousOrigin = origin.previousValue;

    for (const route of ROUTES) {
      const fnId = routeId(route);
      const role = this.roleFor(route, props);
      const fn = boardFunction(
        this,
        fnId,
        route.handler,
        {
          [ENV.tableName]: props.table.tableName,
          [ENV.userPoolId]: userPool.userPoolId,
          [ENV.userPoolClientId]: props.auth.client.userPoolClientId,
          [ENV.logLevel]: props.logLevel ?? 'info',
          [ENV.cursorKey]: props.cursorKey.value,
          [ORIGIN_ENV.current]: origin.value,
          ...(previousOrigin ? { [ORIGIN_ENV.previous]: previousOrigin } : {}),
        },
        undefined,
        { role },
      );
      const [httpRoute] = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${fnId}Integration`, fn),
      });
      this.functions.set(fnId, fn);
      // Public functions capped, staff functions guaranteed: a flood of public reads cannot starve staff.
      const reserved = props.reservedConcurrency;
      reserveConcurrency([fn], route.auth === 'public' ? reserved?.public : reserved?.staff);
      if (httpRoute) this.routes.set(routeKey(route), httpRoute);
    }
  }

  private readonly roles = new Map<string, Role>();

  /**
   * The execution role of a route's function, shared by every route with the same grants: exactly the
   * table actions its row lists on the table and its indexes (functions/routes.ts), plus the staff
   * directory or upload signing when the row asks. A role and a policy per function would take the
   * service stack past CloudFormation's 500 resources; grants are per set, so no function gets more
   * than its row lists (test/infra/template.test.ts checks each function's actions).
   */
  private roleFor(route: RouteDefinition, props: { table: Table; auth: StaffAuth }): Role {
    const grants = { table: [...route.table].sort(), directory: !!route.directory, signsUploads: !!route.signsUploads };
    const key = JSON.stringify(grants);
    const existing = this.roles.get(key);
    if (existing) return existing;
    const id = `RouteRole${createHash('sha256').update(key).digest('hex').slice(0, 10)}`;
    const role = new Role(this, id, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description:
        `civicboard routes: ${grants.table.join(', ') || 'no table access'}${grants.directory ? '; staff directory' : ''}${grants.signsUploads ? '; signs uploads' : ''}`.slice(
          0,
          1000,
        ),
      managedPolicies: [ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole')],
    });
    grantTable(role, props.table, grants.table);
    if (grants.directory) {
      role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['cognito-idp:AdminGetUser', 'cognito-idp:AdminListGroupsForUser', 'cognito-idp:ListUsersInGroup'],
          resources: [props.auth.userPool.userPoolArn],
        }),
      );
    }
    this.roles.set(key, role);
    return role;
  }

  /** The API Gateway route of a route-table row. */
  routeOf(route: RouteDefinition): HttpRoute {
    const found = this.routes.get(routeKey(route));
    if (!found) throw new Error(`no API route for ${routeKey(route)}`);
    return found;
  }

  /** `abc123.execute-api.eu-west-2.amazonaws.com`: the origin CloudFront forwards /api/* to. */
  get domain(): string {
    return `${this.api.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`;
  }

  static readonly TIMEOUT = Duration.seconds(10);
}
