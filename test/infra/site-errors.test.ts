import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthBoard } from './synth.js';

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation is untyped JSON; the assertions check its shape.
type Cfn = any;
let resources: Record<string, { Type: string; Properties: Cfn }>;
beforeAll(() => {
  resources = synthBoard().template.toJSON().Resources;
});
const ofType = (type: string) => Object.values(resources).filter((r) => r.Type === type);
const distribution = () => ofType('AWS::CloudFront::Distribution')[0]!.Properties.DistributionConfig;

/** Runs the site's viewer-request function from the template on a request for `uri`, as CloudFront would. */
function viewerRequest(uri: string, headers: Record<string, { value: string }> = {}, cookies: Record<string, { value: string }> = {}): Cfn {
  const fn = ofType('AWS::CloudFront::Function')[0]!.Properties;
  expect(fn.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
  const sandbox: { event: Cfn; result?: Cfn } = { event: { request: { method: 'GET', uri, headers, querystring: {}, cookies } } };
  runInNewContext(`${fn.FunctionCode}\nresult = handler(event);`, sandbox);
  return sandbox.result;
}

describe('errors from the site and from the API stay apart (issue 21, defect 1)', () => {
  it('has no distribution-wide custom error response, which would turn the API 404 problem+json into the HTML 404 page', () => {
    expect(distribution().CustomErrorResponses ?? []).toEqual([]);
  });

  it('lets CloudFront list the site bucket (its own distribution only), so a missing file is a 404 rather than an S3 403', () => {
    const statements = ofType('AWS::S3::BucketPolicy').flatMap((p) => p.Properties.PolicyDocument.Statement);
    const list = statements.find((s: Cfn) => [s.Action].flat().includes('s3:ListBucket'));
    expect(list?.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
    expect(JSON.stringify(list?.Condition)).toContain('AWS:SourceArn');
  });

  it('runs the page function on the site behaviour only, never on /api/*', () => {
    const dist = distribution();
    expect(dist.DefaultCacheBehavior.FunctionAssociations).toHaveLength(1);
    for (const b of dist.CacheBehaviors) expect(b.FunctionAssociations, b.PathPattern).toBeUndefined();
  });

  it('serves a page the site does not have as the site 404 page with status 404', () => {
    const res = viewerRequest('/no-such-page/');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type'].value).toMatch(/^text\/html/);
    expect(res.body.data).toContain('Page not found');
    expect(res.headers['content-security-policy'].value).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options'].value).toBe('nosniff');
    expect(viewerRequest('/missing.html').statusCode).toBe(404);
  });

  it('passes pages the site has on to S3, folder addresses rewritten to their index.html', () => {
    expect(viewerRequest('/track/')).toMatchObject({ uri: '/track/index.html' });
    expect(viewerRequest('/track')).toMatchObject({ uri: '/track/index.html' });
    expect(viewerRequest('/')).toMatchObject({ uri: '/index.html' });
  });

  it('leaves other files to S3 (which answers 404 for a missing one)', () => {
    expect(viewerRequest('/_astro/app.abc123.js')).toMatchObject({ uri: '/_astro/app.abc123.js' });
    expect(viewerRequest('/config.json')).toMatchObject({ uri: '/config.json' });
  });
});

describe('the site in every language at the edge (issue 23)', () => {
  it('passes every language’s pages on to S3 and answers a page no language has with the 404 page', () => {
    expect(viewerRequest('/cy/track/')).toMatchObject({ uri: '/cy/track/index.html' });
    expect(viewerRequest('/es/')).toMatchObject({ uri: '/es/index.html' });
    expect(viewerRequest('/cy/no-such-page/').statusCode).toBe(404);
  });

  it('sends a first visit to the language its Accept-Language prefers, and a remembered English choice nowhere', () => {
    const welsh = viewerRequest('/queues/', { 'accept-language': { value: 'cy-GB,cy;q=0.9' } });
    expect(welsh.statusCode).toBe(302);
    expect(welsh.headers.location.value).toBe('/cy/queues/');
    expect(welsh.headers['content-security-policy'].value).toContain("script-src 'self'");
    expect(viewerRequest('/queues/', { 'accept-language': { value: 'cy' } }, { lang: { value: 'en' } })).toMatchObject({
      uri: '/queues/index.html',
    });
  });
});
