import { type Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { type CfnFunction, LayerVersion } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';

/**
 * The Powertools for AWS Lambda (TypeScript) layer version: it carries the Tracer and the X-Ray SDK the
 * functions load when tracing (functions/lib/tracing.ts). AWS publishes it in every commercial region
 * under account 094274105915; `-c powertoolsLayerVersion=` picks another (docs/deploy.md).
 */
export const POWERTOOLS_LAYER_VERSION = 44;

/**
 * X-Ray active tracing for every board function of a stack: Lambda samples invocations (its default
 * rule: the first request each second and 5% of the rest), and functions/lib/tracing.ts records each
 * DynamoDB, SES, S3, Cognito and Secrets Manager call as a subsegment. Applied once every function
 * exists; functions CDK makes itself (custom resources) are left alone.
 */
export function traceFunctions(stack: Stack, scope: Construct, layerVersion = POWERTOOLS_LAYER_VERSION): NodejsFunction[] {
  const layer = LayerVersion.fromLayerVersionArn(
    scope,
    'PowertoolsLayer',
    `arn:${stack.partition}:lambda:${stack.region}:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:${layerVersion}`,
  );
  const fns = stack.node.findAll().filter((c): c is NodejsFunction => c instanceof NodejsFunction);
  for (const fn of fns) {
    (fn.node.defaultChild as CfnFunction).tracingConfig = { mode: 'Active' };
    fn.addLayers(layer);
    fn.addEnvironment('POWERTOOLS_TRACE_ENABLED', 'true');
    fn.addEnvironment('POWERTOOLS_SERVICE_NAME', 'civicboard');
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'],
        resources: ['*'],
      }),
    );
    // On the role: its policy holds the statement (routes of the same grants share one role).
    Validations.of(fn.role ?? fn).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray trace and sampling actions have no resource-level permissions, so tracing grants them on "*" (the same actions as the AWS-managed AWSXRayDaemonWriteAccess); they write trace data only.',
    });
  }
  return fns;
}
