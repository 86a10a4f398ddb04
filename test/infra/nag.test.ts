import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { synthBoard } from './synth.js';

describe('cdk-nag AwsSolutions checks', () => {
  it('finds zero unacknowledged errors in the stack for a concrete account and region', () => {
    const { app, stack } = synthBoard();
    const report = new AwsSolutionsChecks(app).validateScope(stack);
    const errors = report.violations.filter((v) => v.severity !== 'warning');
    expect(errors.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('finds zero unacknowledged errors in the environment-agnostic synth a user without credentials gets', () => {
    const { app, stack } = synthBoard({ env: undefined });
    const report = new AwsSolutionsChecks(app).validateScope(stack);
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  });

  it('still catches a new finding: the acknowledgements are scoped, not blanket', () => {
    const { app, stack } = synthBoard();
    new Bucket(stack, 'CarelessBucket');
    const report = new AwsSolutionsChecks(app).validateScope(stack);
    const rules = report.violations
      .filter((v) => v.violatingResources.some((r) => r.constructPath?.includes('CarelessBucket')))
      .map((v) => v.ruleName);
    expect(rules).toContain('AwsSolutions-S1');
    expect(report.success).toBe(false);
  });

  it('gives every acknowledgement a reason a reviewer can weigh', () => {
    const { stack } = synthBoard();
    const acks = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules'))
      .flatMap((m) => Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ id, reason })))
      .filter((ack) => ack.id.includes('AwsSolutions-'));
    expect(acks.length).toBeGreaterThan(10);
    for (const ack of acks) expect(ack.reason.length, ack.id).toBeGreaterThanOrEqual(80);
  });

  it('leaves no CDK warnings on the stack', () => {
    const { stack } = synthBoard();
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });
});
