import { join } from 'node:path';
import { Duration, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, type CfnFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type ILogGroup, LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { TABLE_DEFINITION } from '../../functions/store/table.js';
import { jurisdiction } from '../../shared/jurisdiction/index.js';
import { JURISDICTION_ID_ENV, jurisdictionInject } from './jurisdiction-bundle.js';

export const ROOT = join(import.meta.dirname, '..', '..');

/**
 * How every function is bundled (ESM): shared with bench/suites/cold.ts so the cold-start figures
 * are for the bundles AWS runs.
 */
export const BUNDLE = {
  target: 'node24',
  minify: true,
  sourceMap: true,
  mainFields: ['module', 'main'],
  // Some dependencies still call require(); give the ESM bundle one.
  banner: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  // The Node 24 runtime ships AWS SDK v3 (clients, lib-dynamodb, util-dynamodb): use it rather than
  // bundling ~340 KB of SDK into every function. docs/deploy.md explains the trade-off.
  // Tracer and the X-Ray SDK come from the Powertools layer when tracing is on (functions/lib/tracing.ts).
  externalModules: ['@aws-sdk/*', '@aws-lambda-powertools/tracer', 'aws-xray-sdk-core'],
} as const;

/**
 * One Lambda function from a handler module under functions/: Node 24 on arm64, bundled locally by
 * esbuild as minified ESM with source maps (no Docker), the runtime's own AWS SDK, logs kept one month.
 */
export function boardFunction(
  scope: Construct,
  id: string,
  handlerModule: string,
  environment: Record<string, string>,
  timeout = Duration.seconds(10),
  extra: {
    /** Native modules (sharp) installed into the bundle for Lambda's platform instead of bundled. */
    nodeModules?: string[];
    /** A role shared with other functions of the same grants (infra/cdk/api.ts); a role of its own otherwise. */
    role?: IRole;
  } = {},
): NodejsFunction {
  const logGroup = functionLogs(scope);
  return new NodejsFunction(scope, id, {
    entry: join(ROOT, 'functions', `${handlerModule}.ts`),
    handler: 'handler',
    runtime: Runtime.NODEJS_24_X,
    architecture: Architecture.ARM_64,
    memorySize: 512,
    timeout,
    logGroup,
    ...(extra.role && { role: extra.role }),
    environment: { NODE_OPTIONS: '--enable-source-maps', [JURISDICTION_ID_ENV]: jurisdiction.id, ...environment },
    projectRoot: ROOT,
    depsLockFilePath: join(ROOT, 'package-lock.json'),
    bundling: {
      format: OutputFormat.ESM,
      target: BUNDLE.target,
      minify: BUNDLE.minify,
      sourceMap: BUNDLE.sourceMap,
      mainFields: [...BUNDLE.mainFields],
      banner: BUNDLE.banner,
      externalModules: [...BUNDLE.externalModules],
      inject: [jurisdictionInject(ROOT)],
      ...(extra.nodeModules && {
        nodeModules: extra.nodeModules,
        // npm installs the prebuilt binaries for Lambda's platform, whatever machine deploys.
        environment: { npm_config_os: 'linux', npm_config_cpu: 'arm64', npm_config_libc: 'glibc' },
      }),
    },
  });
}

/**
 * The stack's one log group for its functions (each writes its own streams, named after the function;
 * Logs Insights filters by function). A group per function would take the service stack past
 * CloudFormation's 500 resources per stack (test/infra/template.test.ts keeps the count below it).
 */
function functionLogs(scope: Construct): ILogGroup {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild('FunctionLogs') as ILogGroup | undefined;
  return existing ?? new LogGroup(stack, 'FunctionLogs', { retention: RetentionDays.ONE_MONTH });
}

/** Reserves (and caps) concurrency for each function; undefined leaves them in the account's shared pool. */
export function reserveConcurrency(fns: Iterable<NodejsFunction>, count: number | undefined): void {
  if (count === undefined) return;
  for (const fn of fns) (fn.node.defaultChild as CfnFunction).reservedConcurrentExecutions = count;
}

/**
 * Grants DynamoDB actions on the table and each of its indexes by name: no `index/*` wildcard, so the
 * grant reads the same whether the table is in this stack or, as now, the data stack's.
 */
export function grantTable(grantee: IGrantable, table: ITable, actions: readonly string[]): void {
  if (!actions.length) return;
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: actions.map((a) => `dynamodb:${a}`),
      resources: [table.tableArn, ...TABLE_DEFINITION.indexes.map((i) => `${table.tableArn}/index/${i.name}`)],
    }),
  );
}
