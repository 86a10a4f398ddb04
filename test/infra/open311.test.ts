import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.js';
import { synthBoard } from './synth.js';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON
type Cfn = any;
let resources: Record<string, { Type: string; Properties: Cfn }>;
beforeAll(() => {
  resources = synthBoard().template.toJSON().Resources;
});

describe('Open311 on AWS', () => {
  it('CloudFront sends /open311/* to the HTTP API (all methods, viewer headers, the public API cache), like /api/*', () => {
    const dist = Object.values(resources).find((r) => r.Type === 'AWS::CloudFront::Distribution')!.Properties.DistributionConfig;
    const byPattern = Object.fromEntries(dist.CacheBehaviors.map((b: Cfn) => [b.PathPattern, b]));
    const open311 = byPattern['/open311/*'];
    const api = byPattern['/api/*'];
    expect(open311).toBeDefined();
    expect(open311.TargetOriginId).toBe(api.TargetOriginId);
    expect(open311.CachePolicyId).toEqual(api.CachePolicyId);
    expect(open311.OriginRequestPolicyId).toBe(api.OriginRequestPolicyId);
    expect(open311.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'HEAD', 'POST', 'OPTIONS']));
    expect(open311.ViewerProtocolPolicy).toBe('https-only');
  });

  it('every Open311 resource is an HTTP API route in both formats', () => {
    const keys = Object.values(resources)
      .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
      .map((r) => r.Properties.RouteKey as string);
    for (const f of ['json', 'xml']) {
      expect(keys).toContain(`GET /open311/discovery.${f}`);
      expect(keys).toContain(`GET /open311/v2/services.${f}`);
      expect(keys).toContain(`GET /open311/v2/requests.${f}`);
      expect(keys).toContain(`POST /open311/v2/requests.${f}`);
    }
    for (const path of ['/open311/v2/services/{service_code}', '/open311/v2/requests/{service_request_id}', '/open311/v2/tokens/{token}'])
      expect(keys).toContain(`GET ${path}`);
    expect(ROUTES.filter((r) => r.path.startsWith('/open311/'))).toHaveLength(11);
  });
});
