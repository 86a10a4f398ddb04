import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.js';
import { routeId } from '../../infra/cdk/api.js';
import { synthBoard } from './synth.js';

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation is untyped JSON
type Cfn = any;
let template: Template;
let resources: Record<string, { Type: string; Properties: Cfn }>;
beforeAll(() => {
  template = synthBoard().template;
  resources = template.toJSON().Resources;
});
const find = (type: string, idPart: string) => Object.entries(resources).filter(([id, r]) => r.Type === type && id.includes(idPart));
const statementsOf = (fnId: string): Cfn[] => {
  const role = resources[fnId]!.Properties.Role['Fn::GetAtt'][0];
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: Cfn) => x.Ref === role))
    .flatMap((r) => r.Properties.PolicyDocument.Statement);
};

describe('photos in AWS', () => {
  it('two private buckets: originals expire after a day, nothing is public', () => {
    const buckets = find('AWS::S3::Bucket', 'Photos');
    expect(buckets).toHaveLength(2);
    for (const [, b] of buckets) {
      expect(b.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
    const [, uploads] = buckets.find(([id]) => id.includes('Uploads'))!;
    expect(uploads.Properties.LifecycleConfiguration.Rules[0]).toMatchObject({ ExpirationInDays: 1, Status: 'Enabled' });
    expect(uploads.Properties.CorsConfiguration.CorsRules[0].AllowedMethods).toEqual(['POST']);
  });

  it('new originals notify the processing function, which may read originals and write only processed photos', () => {
    const notifications = Object.values(resources).filter((r) => r.Type === 'Custom::S3BucketNotifications');
    const config = notifications.flatMap((n) => n.Properties.NotificationConfiguration.LambdaFunctionConfigurations);
    expect(config).toHaveLength(1);
    expect(config[0]).toMatchObject({ Events: ['s3:ObjectCreated:*'] });
    expect(JSON.stringify(config[0].Filter)).toContain('originals/');
    const [[processorId, processor]] = find('AWS::Lambda::Function', 'PhotosProcessor') as [[string, Cfn]];
    expect(processor.Properties.MemorySize).toBe(2048);
    const s3 = statementsOf(processorId).filter((s) => [s.Action].flat().some((a: string) => a.startsWith('s3:')));
    const resourcesOf = (verb: string) =>
      JSON.stringify(s3.filter((s) => [s.Action].flat().some((a: string) => a.startsWith(verb))).map((s) => s.Resource));
    expect(resourcesOf('s3:GetObject')).toContain('/originals/*');
    expect(resourcesOf('s3:PutObject')).toContain('/photos/*');
    expect(resourcesOf('s3:PutObject')).not.toContain('originals');
  });

  it('only the upload route may sign uploads (s3:PutObject on originals/*)', () => {
    const signers = ROUTES.filter((r) => {
      const statements = statementsOf(find('AWS::Lambda::Function', routeId(r)).find(([id]) => !id.includes('Logs'))![0]);
      return statements.some((s) => [s.Action].flat().some((a: string) => a.startsWith('s3:PutObject')));
    });
    expect(signers.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/reports/uploads']);
  });

  it('CloudFront serves processed photos from their own cache behaviour: immutable files, GET only, cached long', () => {
    const dist = Object.values(resources).find((r) => r.Type === 'AWS::CloudFront::Distribution')!.Properties.DistributionConfig;
    const photos = dist.CacheBehaviors.find((b: Cfn) => b.PathPattern === '/photos/*');
    expect(photos).toBeDefined();
    const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
    expect(photos.CachePolicyId).toBe(CACHING_OPTIMIZED);
    expect(photos.AllowedMethods).toEqual(['GET', 'HEAD']);
    expect(photos.ViewerProtocolPolicy).toBe('redirect-to-https');
    const origin = dist.Origins.find((o: Cfn) => o.Id === photos.TargetOriginId);
    expect(JSON.stringify(origin.DomainName)).toContain('Photos');
    expect(origin.OriginAccessControlId).toBeDefined();
    // The processor writes each file with a year's immutable Cache-Control (functions/store/objects.ts).
  });

  it("the site's CSP lets the report form post to the upload bucket, and nowhere else new", () => {
    const policy = Object.values(resources).find((r) => r.Type === 'AWS::CloudFront::ResponseHeadersPolicy')!.Properties;
    const csp = JSON.stringify(policy.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy);
    expect(csp).toContain('connect-src');
    expect(csp).toMatch(/PhotosUploads[A-Z0-9]+","RegionalDomainName/);
  });
});
