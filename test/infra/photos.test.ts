import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.js';
import { routeId } from '../../infra/cdk/api.js';
import { synthBoard } from './synth.js';

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation is untyped JSON
type Cfn = any;
let template: Template;
let resources: Record<string, { Type: string; Properties: Cfn }>;
let dataResources: Record<string, { Type: string; Properties: Cfn; DeletionPolicy?: string; UpdateReplacePolicy?: string }>;
beforeAll(() => {
  const board = synthBoard();
  template = board.template;
  resources = template.toJSON().Resources;
  dataResources = board.dataTemplate.toJSON().Resources;
});
const find = (type: string, idPart: string) => Object.entries(resources).filter(([id, r]) => r.Type === type && id.includes(idPart));
const statementsOf = (fnId: string): Cfn[] => {
  const role = resources[fnId]!.Properties.Role['Fn::GetAtt'][0];
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: Cfn) => x.Ref === role))
    .flatMap((r) => r.Properties.PolicyDocument.Statement);
};

const functionOf = (route: { method: string; path: string }) =>
  find('AWS::Lambda::Function', routeId(route as (typeof ROUTES)[number])).find(([id]) => !id.includes('Logs'))!;

describe('photos in AWS', () => {
  it("the photo buckets are the data stack's, retained, under the logical ids they had in the service stack", () => {
    // `Photos/Uploads` and `Photos/Photos` (CDK folds the repeated name): the ids they had in the service stack.
    const buckets = Object.entries(dataResources).filter(
      ([id, r]) => r.Type === 'AWS::S3::Bucket' && /^Photos(Uploads)?[0-9A-F]{8}$/.test(id),
    );
    expect(buckets.map(([id]) => id).sort()).toEqual(['Photos418F7FF7', 'PhotosUploadsE7D5F5B9']);
    for (const [id, b] of buckets) {
      expect(b.DeletionPolicy, id).toBe('Retain');
      expect(b.UpdateReplacePolicy, id).toBe('Retain');
    }
    // The service stack holds no photo bucket of its own: a redeploy of it cannot touch citizens' photos.
    expect(find('AWS::S3::Bucket', 'Photos')).toEqual([]);
    // Positive control: the service stack still holds its site buckets.
    expect(Object.values(resources).filter((r) => r.Type === 'AWS::S3::Bucket').length).toBeGreaterThan(0);
  });

  it('CloudFront may read processed photos only, never withheld ones, from the photo bucket policy', () => {
    const policy = Object.values(dataResources).find(
      (r) => r.Type === 'AWS::S3::BucketPolicy' && JSON.stringify(r.Properties.Bucket).includes('Photos418F7FF7'),
    )!;
    const statement = policy.Properties.PolicyDocument.Statement.find((x: Cfn) => x.Sid === 'CloudFrontReadsProcessedPhotos');
    expect(statement).toMatchObject({ Effect: 'Allow', Action: 's3:GetObject', Principal: { Service: 'cloudfront.amazonaws.com' } });
    expect(JSON.stringify(statement.Resource)).toContain('/photos/*');
    expect(JSON.stringify(statement.Resource)).not.toContain('withheld');
    expect(JSON.stringify(statement.Condition)).toContain(':distribution/*');
  });

  it('two private buckets: originals expire after a day, nothing is public', () => {
    const buckets = Object.entries(dataResources).filter(
      ([id, r]) => r.Type === 'AWS::S3::Bucket' && id.startsWith('Photos') && !id.includes('Logs'),
    );
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
      const statements = statementsOf(functionOf(r)[0]);
      return statements.some(
        (s) => [s.Action].flat().some((a: string) => a.startsWith('s3:PutObject')) && JSON.stringify(s.Resource).includes('originals'),
      );
    });
    expect(signers.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/reports/uploads']);
  });

  it('the takedown routes (and only they) may move photo files and invalidate /photos/* on the one distribution', () => {
    const distributionId = Object.keys(resources).find((id) => resources[id]!.Type === 'AWS::CloudFront::Distribution')!;
    const movers = ROUTES.filter((r) =>
      statementsOf(functionOf(r)[0]).some((s) => [s.Action].flat().includes('cloudfront:CreateInvalidation')),
    );
    expect(movers.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'PATCH /api/staff/reports/{id}',
      'POST /api/staff/reports/{id}/flag-resolutions',
      'POST /api/staff/reports/{id}/redactions',
    ]);
    for (const route of movers) {
      const [id, fn] = functionOf(route);
      const statements = statementsOf(id);
      const invalidate = statements.find((s) => [s.Action].flat().includes('cloudfront:CreateInvalidation'));
      expect(JSON.stringify(invalidate.Resource)).toContain(distributionId);
      const objects = statements.find((s) => [s.Action].flat().includes('s3:DeleteObject'));
      expect([objects.Action].flat().sort()).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:PutObject']);
      expect(JSON.stringify(objects.Resource)).toMatch(/photos\/\*.*withheld\/\*/);
      // The handler finds the distribution and the bucket through its environment (functions/lib/env.ts).
      expect(fn.Properties.Environment.Variables.DISTRIBUTION_ID).toEqual({ Ref: distributionId });
      expect(JSON.stringify(fn.Properties.Environment.Variables.PHOTO_BUCKET)).toContain('Photos418F7FF7');
    }
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
    // The upload bucket is the data stack's: the CSP imports its regional domain name.
    expect(csp).toMatch(/PhotosUploads[A-Z0-9]+RegionalDomainName/);
  });
});
