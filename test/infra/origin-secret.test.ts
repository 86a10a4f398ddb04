import { describe, expect, it } from 'vitest';
import { ORIGIN_ENV, ORIGIN_HEADER } from '../../functions/lib/origin.js';
import { ROUTES } from '../../functions/routes.js';
import { synthBoard } from './synth.js';

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation is untyped JSON; the assertions check its shape.
type Cfn = any;
type Resources = Record<string, { Type: string; Properties: Cfn }>;
const resourcesOf = (config = {}) => synthBoard({ config }).resources as Resources;
const ofType = (resources: Resources, type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

function originSecretId(resources: Resources): string {
  const found = ofType(resources, 'AWS::SecretsManager::Secret').filter(([, r]) => /CloudFront/.test(r.Properties.Description));
  expect(found).toHaveLength(1);
  const [id, secret] = found[0]!;
  expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64 });
  expect(secret.Properties.SecretString).toBeUndefined();
  return id;
}
const apiFunctions = (resources: Resources) =>
  ofType(resources, 'AWS::Lambda::Function').filter(([, f]) => f.Properties.Environment?.Variables?.CURSOR_KEY);

describe('only requests through CloudFront reach the API (issue 21, defect 3)', () => {
  const resources = resourcesOf();

  it('CloudFront sends the generated origin secret as a custom header to the API origin, and to no other', () => {
    const secretId = originSecretId(resources);
    const dist = ofType(resources, 'AWS::CloudFront::Distribution')[0]![1].Properties.DistributionConfig;
    const apiOrigins = dist.Origins.filter((o: Cfn) => o.CustomOriginConfig);
    expect(apiOrigins.length).toBeGreaterThan(0);
    for (const origin of apiOrigins) {
      const header = origin.OriginCustomHeaders.find((h: Cfn) => h.HeaderName === ORIGIN_HEADER);
      expect(JSON.stringify(header.HeaderValue)).toContain('{{resolve:secretsmanager:');
      expect(JSON.stringify(header.HeaderValue)).toContain(secretId);
    }
    for (const origin of dist.Origins.filter((o: Cfn) => o.S3OriginConfig)) expect(origin.OriginCustomHeaders).toBeUndefined();
  });

  it('every route function checks the same secret, and accepts no previous value outside a rotation', () => {
    const secretId = originSecretId(resources);
    const fns = apiFunctions(resources);
    expect(fns).toHaveLength(ROUTES.length);
    for (const [id, fn] of fns) {
      const vars = fn.Properties.Environment.Variables;
      expect(JSON.stringify(vars[ORIGIN_ENV.current]), id).toContain(secretId);
      expect(vars[ORIGIN_ENV.previous], id).toBeUndefined();
    }
  });

  it('during a rotation the functions also accept the previous version and the distribution is updated too', () => {
    const rotating = resourcesOf({ originSecretPreviousVersion: 'a1b2c3d4-5678-90ab-cdef-111111111111' });
    for (const [id, fn] of apiFunctions(rotating)) {
      const previous = JSON.stringify(fn.Properties.Environment.Variables[ORIGIN_ENV.previous]);
      expect(previous, id).toContain('{{resolve:secretsmanager:');
      expect(previous, id).toContain('a1b2c3d4-5678-90ab-cdef-111111111111');
    }
    const comment = (r: Resources) => ofType(r, 'AWS::CloudFront::Distribution')[0]![1].Properties.DistributionConfig.Comment;
    expect(comment(rotating)).not.toEqual(comment(resources));
  });
});
