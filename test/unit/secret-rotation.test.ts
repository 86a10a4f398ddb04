import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type RotationEvent, rotate } from '../../functions/secrets/rotate.js';

// Secrets Manager and CloudFront are AWS itself: stood in for here by small in-memory fakes that keep
// the state the rotation protocol reads and writes (versions and their stages; a distribution config).
type Versions = Record<string, { value: string; stages: string[] }>;
function fakeSecretsManager(arn: string, versions: Versions) {
  let random = 0;
  const calls: string[] = [];
  const send = vi.fn(async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    const name = command.constructor.name.replace(/Command$/, '');
    calls.push(name);
    // biome-ignore lint/suspicious/noExplicitAny: each command's input, read by field name as the fake needs
    const input = command.input as Record<string, any>;
    switch (name) {
      case 'DescribeSecret':
        return {
          ARN: arn,
          RotationEnabled: true,
          VersionIdsToStages: Object.fromEntries(Object.entries(versions).map(([id, v]) => [id, [...v.stages]])),
        };
      case 'GetSecretValue': {
        const entry = input.VersionId
          ? versions[input.VersionId]
          : Object.values(versions).find((v) => v.stages.includes(input.VersionStage));
        if (!entry || (input.VersionStage && !entry.stages.includes(input.VersionStage))) throw new Error('ResourceNotFoundException');
        return { SecretString: entry.value };
      }
      case 'GetRandomPassword':
        random++;
        return { RandomPassword: `new-value-${random}-${'x'.repeat(50)}` };
      case 'PutSecretValue': {
        const token = input.ClientRequestToken;
        versions[token] = { value: input.SecretString, stages: input.VersionStages };
        return {};
      }
      case 'UpdateSecretVersionStage': {
        for (const v of Object.values(versions)) v.stages = v.stages.filter((s: string) => s !== 'AWSPREVIOUS');
        const old = versions[input.RemoveFromVersionId];
        if (old) old.stages = old.stages.filter((s: string) => s !== 'AWSCURRENT').concat('AWSPREVIOUS');
        const next = versions[input.MoveToVersionId]!;
        next.stages = ['AWSCURRENT'];
        return {};
      }
      default:
        throw new Error(`unexpected ${name}`);
    }
  });
  return { send, calls };
}

function fakeCloudFront(headerValue: string) {
  const config = {
    Origins: {
      Quantity: 2,
      Items: [
        { Id: 'site', CustomHeaders: { Quantity: 0, Items: [] as { HeaderName: string; HeaderValue: string }[] } },
        { Id: 'api', CustomHeaders: { Quantity: 1, Items: [{ HeaderName: 'x-civicboard-origin', HeaderValue: headerValue }] } },
      ],
    },
  };
  let etag = 1;
  const updates: unknown[] = [];
  const send = vi.fn(async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    const name = command.constructor.name.replace(/Command$/, '');
    if (name === 'GetDistributionConfig') return { DistributionConfig: structuredClone(config), ETag: `E${etag}` };
    if (name === 'UpdateDistribution') {
      if (command.input.IfMatch !== `E${etag}`) throw new Error('PreconditionFailed');
      Object.assign(config, structuredClone(command.input.DistributionConfig));
      etag++;
      updates.push(command.input);
      return {};
    }
    throw new Error(`unexpected ${name}`);
  });
  return { send, config, updates };
}

const ORIGIN_ARN = 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:OriginSecret-abc';
const CURSOR_ARN = 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:CursorKey-def';
const steps = ['createSecret', 'setSecret', 'testSecret', 'finishSecret'] as const;
const event = (SecretId: string, token: string, Step: RotationEvent['Step']): RotationEvent => ({
  SecretId,
  ClientRequestToken: token,
  Step,
});

describe('automatic rotation of the origin secret', () => {
  it('makes a new value, has CloudFront send it to the API origin only, tests it, then makes it current', async () => {
    const versions: Versions = {
      v1: { value: 'old-value', stages: ['AWSCURRENT'] },
      v2: { value: undefined as never, stages: ['AWSPENDING'] },
    };
    const sm = fakeSecretsManager(ORIGIN_ARN, versions);
    const cloudfront = fakeCloudFront('old-value');
    const deps = { sm, origin: { cloudfront, distributionId: 'E123', header: 'x-civicboard-origin', secretId: ORIGIN_ARN } };

    for (const step of steps) await rotate(event(ORIGIN_ARN, 'v2', step), deps as never);

    const fresh = versions.v2!.value;
    expect(fresh).toMatch(/^new-value-1-/);
    expect(fresh.length).toBeGreaterThanOrEqual(32);
    expect(cloudfront.config.Origins.Items[1]!.CustomHeaders.Items[0]!.HeaderValue).toBe(fresh);
    expect(cloudfront.config.Origins.Items[0]!.CustomHeaders.Items).toEqual([]);
    expect(versions.v2!.stages).toEqual(['AWSCURRENT']);
    // The old value stays readable as AWSPREVIOUS: requests through edges not yet updated still pass.
    expect(versions.v1!.stages).toEqual(['AWSPREVIOUS']);
  });

  it('a retried createSecret keeps the pending value it made, and a finished rotation is left alone', async () => {
    const versions: Versions = {
      v1: { value: 'old-value', stages: ['AWSCURRENT'] },
      v2: { value: undefined as never, stages: ['AWSPENDING'] },
    };
    const sm = fakeSecretsManager(ORIGIN_ARN, versions);
    await rotate(event(ORIGIN_ARN, 'v2', 'createSecret'), { sm } as never);
    const first = versions.v2!.value;
    await rotate(event(ORIGIN_ARN, 'v2', 'createSecret'), { sm } as never);
    expect(versions.v2!.value).toBe(first);
    expect(sm.calls.filter((c) => c === 'GetRandomPassword')).toHaveLength(1);

    versions.v2!.stages = ['AWSCURRENT'];
    versions.v1!.stages = ['AWSPREVIOUS'];
    const before = sm.calls.length;
    await rotate(event(ORIGIN_ARN, 'v2', 'finishSecret'), { sm } as never);
    expect(sm.calls.slice(before)).toEqual(['DescribeSecret']);
  });

  it('testSecret fails while CloudFront still sends the old value, so the rotation does not finish', async () => {
    const versions: Versions = {
      v1: { value: 'old-value', stages: ['AWSCURRENT'] },
      v2: { value: 'pending-value', stages: ['AWSPENDING'] },
    };
    const sm = fakeSecretsManager(ORIGIN_ARN, versions);
    const cloudfront = fakeCloudFront('old-value');
    const deps = { sm, origin: { cloudfront, distributionId: 'E123', header: 'x-civicboard-origin', secretId: ORIGIN_ARN } };
    await expect(rotate(event(ORIGIN_ARN, 'v2', 'testSecret'), deps as never)).rejects.toThrow(/does not send the pending origin secret/);
    // Positive control: after setSecret the same test passes.
    await rotate(event(ORIGIN_ARN, 'v2', 'setSecret'), deps as never);
    await expect(rotate(event(ORIGIN_ARN, 'v2', 'testSecret'), deps as never)).resolves.toBeUndefined();
  });

  it('refuses a token that is not a pending version of the secret', async () => {
    const sm = fakeSecretsManager(ORIGIN_ARN, { v1: { value: 'old-value', stages: ['AWSCURRENT'] } });
    await expect(rotate(event(ORIGIN_ARN, 'nope', 'createSecret'), { sm } as never)).rejects.toThrow(/not a version/);
  });
});

describe('automatic rotation of the cursor key', () => {
  it('makes a new current value and never touches CloudFront', async () => {
    const versions: Versions = {
      k1: { value: 'old-key', stages: ['AWSCURRENT'] },
      k2: { value: undefined as never, stages: ['AWSPENDING'] },
    };
    const sm = fakeSecretsManager(CURSOR_ARN, versions);
    const cloudfront = fakeCloudFront('origin-value');
    const deps = { sm, origin: { cloudfront, distributionId: 'E123', header: 'x-civicboard-origin', secretId: ORIGIN_ARN } };
    for (const step of steps) await rotate(event(CURSOR_ARN, 'k2', step), deps as never);
    expect(versions.k2!.stages).toEqual(['AWSCURRENT']);
    expect(versions.k2!.value).toMatch(/^new-value-/);
    expect(cloudfront.send).not.toHaveBeenCalled();
    expect(cloudfront.config.Origins.Items[1]!.CustomHeaders.Items[0]!.HeaderValue).toBe('origin-value');
  });
});

describe('the API during a rotation', () => {
  const current = 'c'.repeat(64);
  const rotated = 'r'.repeat(64);
  let reads: number;
  beforeEach(() => {
    reads = 0;
    vi.resetModules();
    vi.doMock('../../functions/secrets/versions.js', () => ({
      secretVersions: async () => {
        reads++;
        return [rotated, current];
      },
    }));
    process.env.ORIGIN_SECRET = current;
    process.env.ORIGIN_SECRET_ARN = ORIGIN_ARN;
  });
  afterEach(() => {
    vi.doUnmock('../../functions/secrets/versions.js');
    delete process.env.ORIGIN_SECRET_ARN;
  });

  it('accepts a value rotated after its deploy by re-reading the secret, and still refuses anything else', async () => {
    const { requireViaCloudFront } = await import('../../functions/lib/origin.js');
    await expect(requireViaCloudFront(current)).resolves.toBeUndefined();
    expect(reads).toBe(0); // the deployed value needs no call
    await expect(requireViaCloudFront(rotated)).resolves.toBeUndefined();
    expect(reads).toBe(1);
    await expect(requireViaCloudFront('w'.repeat(64))).rejects.toMatchObject({ statusCode: 403 });
    await expect(requireViaCloudFront(undefined)).rejects.toMatchObject({ statusCode: 403 });
    // Wrong values do not make it read again and again: at most once per interval.
    expect(reads).toBe(1);
  });
});
