import { describe, expect, it } from 'vitest';
import { synthBoard } from './synth.js';

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation is untyped JSON.
type Resource = { Type: string; Properties: any };
const boardFunctions = (resources: Record<string, Resource>) =>
  Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function' && r.Properties.Environment?.Variables?.TABLE_NAME);

/** The actions the role of a function may take, from every policy attached to it. */
function actionsOf(resources: Record<string, Resource>, fn: Resource): string[] {
  const role = fn.Properties.Role['Fn::GetAtt'][0];
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: { Ref: string }) => x.Ref === role))
    .flatMap((p) => p.Properties.PolicyDocument.Statement)
    .flatMap((s: { Action: string | string[] }) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
}

describe('X-Ray tracing with Powertools Tracer (issue 21)', () => {
  it('traces every board function, with the Powertools layer, the switch the code reads and the right to write traces', () => {
    const { resources } = synthBoard();
    const fns = boardFunctions(resources);
    expect(fns.length).toBeGreaterThan(60);
    for (const [id, fn] of fns) {
      expect(fn.Properties.TracingConfig, id).toEqual({ Mode: 'Active' });
      expect(fn.Properties.Environment.Variables.POWERTOOLS_TRACE_ENABLED, id).toBe('true');
      expect(JSON.stringify(fn.Properties.Layers), id).toContain(':094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:44');
      expect(actionsOf(resources, fn), id).toContain('xray:PutTraceSegments');
    }
  });

  it('traces nothing with tracing=false, and takes another layer version when told', () => {
    const off = boardFunctions(synthBoard({ features: { tracing: false } }).resources);
    expect(off.length).toBeGreaterThan(60);
    for (const [id, fn] of off) {
      expect(fn.Properties.TracingConfig, id).toBeUndefined();
      expect(fn.Properties.Environment.Variables.POWERTOOLS_TRACE_ENABLED, id).toBeUndefined();
    }
    const pinned = boardFunctions(synthBoard({ features: { powertoolsLayerVersion: 41 } }).resources);
    expect(JSON.stringify(pinned[0]?.[1].Properties.Layers)).toContain('AWSLambdaPowertoolsTypeScriptV2:41');
  });

  it("gives every API function the board's public address, so feeds, calendars and Open311 links are absolute and right", () => {
    const resources = synthBoard().resources as Record<string, Resource>;
    const routeFns = boardFunctions(resources).filter(([id]) =>
      Object.values(resources).some(
        (r) => r.Type === 'AWS::ApiGatewayV2::Integration' && r.Properties.IntegrationUri['Fn::GetAtt']?.[0] === id,
      ),
    );
    expect(routeFns.length).toBeGreaterThan(60);
    for (const [id, fn] of routeFns)
      expect(JSON.stringify(fn.Properties.Environment.Variables.PUBLIC_BASE_URL), id).toContain('DomainName');
  });
});
