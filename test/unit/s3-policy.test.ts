import { describe, expect, it } from 'vitest';
import { checkPostPolicy, policySignature } from '../../infra/local/s3-policy.js';

const SECRET = 'local';
const CREDENTIAL = 'local/20261202/eu-west-2/s3/aws4_request';

/** A form as @aws-sdk/s3-presigned-post builds it: the policy, its signature and the fields it names. */
function form(conditions: unknown[], fields: Record<string, string>, expiration = '2026-12-02T12:05:00Z') {
  const policy = Buffer.from(JSON.stringify({ expiration, conditions })).toString('base64');
  return {
    ...fields,
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': CREDENTIAL,
    'X-Amz-Date': '20261202T120000Z',
    Policy: policy,
    'X-Amz-Signature': policySignature(policy, SECRET, CREDENTIAL),
  };
}

const signed = [{ 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' }, { 'X-Amz-Credential': CREDENTIAL }, { 'X-Amz-Date': '20261202T120000Z' }];
const conditions = [
  { bucket: 'uploads' },
  ['eq', '$key', 'originals/A'],
  ['eq', '$Content-Type', 'image/png'],
  ['content-length-range', 1, 100],
  ...signed,
];
const fields = { key: 'originals/A', 'Content-Type': 'image/png' };
const now = new Date('2026-12-02T12:00:00Z');
const check = (f: Record<string, string>, size = 50, at = now) => checkPostPolicy(f, size, 'uploads', { secretAccessKey: SECRET, now: at });

describe('presigned POST policy check (the local S3 front)', () => {
  it('accepts a form that meets every condition', () => {
    expect(check(form(conditions, fields))).toBeUndefined();
  });

  it('refuses an expired policy, and accepts it a second before', () => {
    expect(check(form(conditions, fields), 50, new Date('2026-12-02T12:05:00Z'))).toMatchObject({ status: 403, message: /expired/ });
    expect(check(form(conditions, fields), 50, new Date('2026-12-02T12:04:59Z'))).toBeUndefined();
  });

  it('refuses a file outside content-length-range', () => {
    expect(check(form(conditions, fields), 101)).toMatchObject({ status: 400, code: 'EntityTooLarge' });
    expect(check(form(conditions, fields), 0)).toMatchObject({ status: 400, code: 'EntityTooSmall' });
    expect(check(form(conditions, fields), 100)).toBeUndefined();
  });

  it('refuses another key, another type or another bucket', () => {
    expect(check({ ...form(conditions, fields), key: 'originals/B' })).toMatchObject({ status: 403 });
    expect(check({ ...form(conditions, fields), 'Content-Type': 'text/html' })).toMatchObject({ status: 403 });
    expect(checkPostPolicy(form(conditions, fields), 50, 'photos', { secretAccessKey: SECRET, now })).toMatchObject({ status: 403 });
  });

  it('refuses a field no condition covers, and a signature made with another secret', () => {
    expect(check({ ...form(conditions, fields), acl: 'public-read' })).toMatchObject({ status: 403, message: /Extra input fields: acl/ });
    expect(check({ ...form(conditions, fields), 'x-ignore-note': 'fine' })).toBeUndefined();
    const other = form(conditions, fields);
    other['X-Amz-Signature'] = policySignature(other.Policy, 'another-secret', CREDENTIAL);
    expect(check(other)).toMatchObject({ status: 403, message: /signature/ });
  });

  it('honours starts-with conditions', () => {
    const prefix = [{ bucket: 'uploads' }, ['starts-with', '$key', 'originals/'], ['content-length-range', 1, 100], ...signed];
    expect(check(form(prefix, { key: 'originals/X' }))).toBeUndefined();
    expect(check(form(prefix, { key: 'photos/X' }))).toMatchObject({ status: 403 });
  });
});
