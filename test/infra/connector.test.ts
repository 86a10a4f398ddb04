import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AttributeType, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { describe, expect, it } from 'vitest';
import { Open311Connector } from '../../infra/cdk/connector.js';
import { synthBoard } from './synth.js';

function synthConnector() {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'ConnectorTest', { env: { account: '123456789012', region: 'eu-west-2' } });
  const table = new Table(stack, 'Table', {
    partitionKey: { name: 'PK', type: AttributeType.STRING },
    sortKey: { name: 'SK', type: AttributeType.STRING },
    stream: StreamViewType.NEW_AND_OLD_IMAGES,
  });
  new Open311Connector(stack, 'Connector', {
    table,
    upstreams: [{ endpoint: 'https://works.example.gov/open311/v2', serviceCode: 'PH', credential: 'works' }],
  });
  return Template.fromStack(stack).toJSON();
}

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON
const ofType = (resources: Record<string, any>, type: string) => Object.values(resources).filter((r) => r.Type === type);

describe('the Open311 connector on AWS', () => {
  const resources = synthConnector().Resources;

  it('forwards from the stream (new items only, from the oldest record, failures reported per record, then a queue)', () => {
    const [mapping] = ofType(resources, 'AWS::Lambda::EventSourceMapping');
    expect(mapping.Properties).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
    });
    expect(JSON.stringify(mapping.Properties.FilterCriteria)).toContain('INSERT');
    expect(mapping.Properties.DestinationConfig.OnFailure.Destination).toBeDefined();
  });

  it('syncs on a schedule; the functions may read only the upstream secret, and no key is in the template', () => {
    const [rule] = ofType(resources, 'AWS::Events::Rule');
    expect(rule.Properties.ScheduleExpression).toBe('rate(5 minutes)');
    const fns = ofType(resources, 'AWS::Lambda::Function');
    expect(fns).toHaveLength(2);
    for (const fn of fns) expect(fn.Properties.Environment.Variables.OPEN311_SECRET_PREFIX).toBe('civicboard/open311/');
    const statements = ofType(resources, 'AWS::IAM::Policy').flatMap((p) => p.Properties.PolicyDocument.Statement);
    const secretReads = statements.filter((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue'));
    expect(secretReads.length).toBeGreaterThanOrEqual(2);
    for (const s of secretReads) expect(JSON.stringify(s.Resource)).toContain('secret:civicboard/open311/works');
    expect(JSON.stringify(resources)).not.toContain('resolve:secretsmanager');
  });

  it('is absent from the board while no service forwards (positive control: present when one does, above)', () => {
    const board = synthBoard().template.toJSON().Resources;
    expect(ofType(board, 'AWS::Events::Rule').filter((r) => r.Properties.ScheduleExpression === 'rate(5 minutes)')).toHaveLength(0);
  });
});
