import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { sourceIp } from '../../functions/lib/http.js';

const event = (headers: Record<string, string>, ip = '130.176.1.1') =>
  ({ headers, requestContext: { http: { sourceIp: ip } } }) as unknown as APIGatewayProxyEventV2;

describe('the client address the per-client limits count', () => {
  it("is the viewer's address CloudFront forwards, not the CloudFront server API Gateway saw", () => {
    expect(sourceIp(event({ 'cloudfront-viewer-address': '203.0.113.7:46532' }))).toBe('203.0.113.7');
  });

  it('reads an IPv6 viewer address, with or without brackets', () => {
    expect(sourceIp(event({ 'cloudfront-viewer-address': '2001:db8::7:443' }))).toBe('2001:db8::7');
    expect(sourceIp(event({ 'CloudFront-Viewer-Address': '[2001:db8::7]:443' }))).toBe('2001:db8::7');
  });

  it("falls back to API Gateway's sourceIp when no viewer address came with the request", () => {
    expect(sourceIp(event({}))).toBe('130.176.1.1');
    expect(sourceIp(event({ 'cloudfront-viewer-address': ':443' }))).toBe('130.176.1.1');
  });
});
