import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The check S3 makes on a browser-based upload (a presigned POST, AWS Signature Version 4), written
 * down for the local S3 stand-in: s3rver accepts any POST to a bucket without looking at its policy
 * (checked: size, type, key and expiry all pass unchecked; docs/toolchain.md), so infra/local/s3.ts runs
 * this first. Pure, so it is unit-tested condition by condition
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html).
 */

export type PolicyRefusal = { status: 400 | 403; code: string; message: string };

/** Fields S3 does not require a condition for. */
const EXEMPT = new Set(['policy', 'x-amz-signature', 'file']);

type Condition = Record<string, string> | [string, string, string] | ['content-length-range', number, number];

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** The SigV4 signature of a POST policy: HMAC of the base64 policy with the key derived for date, region and s3. */
export function policySignature(policyBase64: string, secretAccessKey: string, credential: string): string {
  const [, date = '', region = '', service = ''] = credential.split('/');
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), 'aws4_request');
  return createHmac('sha256', key).update(policyBase64, 'utf8').digest('hex');
}

const denied = (message: string): PolicyRefusal => ({ status: 403, code: 'AccessDenied', message });

/**
 * Whether S3 would accept this POST: signed with the secret, not expired, every condition met by the
 * form's fields and the file's size, and every field (but the exempt ones) covered by a condition.
 * `fields` are the form's fields with names as sent; `bucket` the one in the URL.
 */
export function checkPostPolicy(
  fields: Record<string, string>,
  fileSize: number,
  bucket: string,
  opts: { secretAccessKey: string; now?: Date },
): PolicyRefusal | undefined {
  const lower = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.toLowerCase(), v]));
  const policyBase64 = lower.policy;
  const signature = lower['x-amz-signature'];
  const credential = lower['x-amz-credential'];
  if (!policyBase64 || !signature || !credential) return denied('Bucket POST must contain a Policy, X-Amz-Credential and X-Amz-Signature.');
  if (lower['x-amz-algorithm'] !== 'AWS4-HMAC-SHA256') return denied('X-Amz-Algorithm must be AWS4-HMAC-SHA256.');
  const expected = Buffer.from(policySignature(policyBase64, opts.secretAccessKey, credential));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return denied('The request signature we calculated does not match the signature you provided.');
  }
  let policy: { expiration?: string; conditions?: Condition[] };
  try {
    policy = JSON.parse(Buffer.from(policyBase64, 'base64').toString('utf8'));
  } catch {
    return { status: 400, code: 'InvalidPolicyDocument', message: 'Invalid Policy: Invalid JSON.' };
  }
  const expires = Date.parse(policy.expiration ?? '');
  if (!Number.isFinite(expires)) return { status: 400, code: 'InvalidPolicyDocument', message: 'Invalid Policy: no expiration.' };
  if (expires <= (opts.now ?? new Date()).getTime()) return denied('Invalid according to Policy: Policy expired.');
  const covered = new Set<string>();
  const value = (name: string) => (name === 'bucket' ? bucket : lower[name]);
  for (const condition of policy.conditions ?? []) {
    const refusal = Array.isArray(condition) ? checkArray(condition, value, fileSize, covered) : checkObject(condition, value, covered);
    if (refusal) return refusal;
  }
  for (const name of Object.keys(lower)) {
    if (!EXEMPT.has(name) && !name.startsWith('x-ignore-') && !covered.has(name)) {
      return denied(`Invalid according to Policy: Extra input fields: ${name}`);
    }
  }
  return undefined;
}

function checkObject(condition: Record<string, string>, value: (n: string) => string | undefined, covered: Set<string>) {
  for (const [name, wanted] of Object.entries(condition)) {
    const field = name.toLowerCase();
    covered.add(field);
    if (value(field) !== wanted) return denied(`Invalid according to Policy: Policy Condition failed: ["eq", "$${name}", "${wanted}"]`);
  }
  return undefined;
}

function checkArray(condition: Condition & unknown[], value: (n: string) => string | undefined, size: number, covered: Set<string>) {
  const [op, a, b] = condition as [string, string | number, string | number];
  if (op === 'content-length-range') {
    if (size > Number(b))
      return { status: 400 as const, code: 'EntityTooLarge', message: 'Your proposed upload exceeds the maximum allowed size' };
    if (size < Number(a))
      return { status: 400 as const, code: 'EntityTooSmall', message: 'Your proposed upload is smaller than the minimum allowed size' };
    return undefined;
  }
  const field = String(a).replace(/^\$/, '').toLowerCase();
  covered.add(field);
  const actual = value(field) ?? '';
  const ok = op === 'eq' ? actual === b : op === 'starts-with' ? actual.startsWith(String(b)) : false;
  return ok ? undefined : denied(`Invalid according to Policy: Policy Condition failed: ${JSON.stringify(condition)}`);
}
