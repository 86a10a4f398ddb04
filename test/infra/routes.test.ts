import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, routeKey } from '../../functions/routes.js';
import { synthBoard } from './synth.js';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;
let resources: Resources;
beforeAll(() => {
  resources = synthBoard().template.toJSON().Resources as Resources;
});
const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

/** `integrations/${Ref}` → the integration's logical id. */
function integrationOf(route: { Properties: Record<string, unknown> }): string {
  const target = route.Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] };
  return target['Fn::Join'][1][1].Ref;
}

describe('route parity between the route table and the HTTP API', () => {
  it('has exactly one API route per route-table row, same method and path', () => {
    const apiKeys = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey as string);
    expect(apiKeys.length).toBe(ROUTES.length);
    expect(new Set(apiKeys).size).toBe(apiKeys.length);
    expect([...apiKeys].sort()).toEqual(ROUTES.map(routeKey).sort());
  });

  it('has no API Gateway authorizer (its 401 body is not problem+json): every route reaches its function, which verifies staff tokens', () => {
    expect(ofType('AWS::ApiGatewayV2::Authorizer')).toEqual([]);
    for (const [, route] of ofType('AWS::ApiGatewayV2::Route')) expect(route.Properties.AuthorizationType ?? 'NONE').toBe('NONE');
  });

  it('integrates each route with its own function', () => {
    const integrations = new Map(ofType('AWS::ApiGatewayV2::Integration'));
    const functionRefs = ofType('AWS::ApiGatewayV2::Route').map(([, route]) => {
      const integration = integrations.get(integrationOf(route));
      expect(integration?.Properties.IntegrationType).toBe('AWS_PROXY');
      expect(integration?.Properties.PayloadFormatVersion).toBe('2.0');
      return JSON.stringify(integration?.Properties.IntegrationUri);
    });
    expect(new Set(functionRefs).size).toBe(ROUTES.length);
  });
});
