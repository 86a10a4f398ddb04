import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { afterEach, describe, expect, it } from 'vitest';
import { invalidatePaths, useCdnClient } from '../../functions/store/cdn.js';

/** CloudFront cannot run here: the SDK client is injected and records what the takedown asks of it. */
function recordingClient() {
  const sent: CreateInvalidationCommand[] = [];
  const client = new CloudFrontClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
  client.send = (async (command: CreateInvalidationCommand) => {
    sent.push(command);
    return { Invalidation: { Id: 'I1', Status: 'InProgress' } };
  }) as typeof client.send;
  return { client, sent };
}

afterEach(() => useCdnClient(undefined));

describe('photo takedown invalidation (functions/store/cdn.ts)', () => {
  it("asks the board's distribution to drop the withheld photos' paths, with a unique caller reference", async () => {
    const { client, sent } = recordingClient();
    useCdnClient(client);
    expect(await invalidatePaths(['/photos/A/*', '/photos/B/*'], 'ITEM1', { distributionId: 'E2EXAMPLE' })).toBe(true);
    expect(await invalidatePaths(['/photos/A/*'], 'ITEM1', { distributionId: 'E2EXAMPLE' })).toBe(true);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toBeInstanceOf(CreateInvalidationCommand);
    expect(sent[0]!.input).toMatchObject({
      DistributionId: 'E2EXAMPLE',
      InvalidationBatch: { Paths: { Quantity: 2, Items: ['/photos/A/*', '/photos/B/*'] } },
    });
    expect(sent[0]!.input.InvalidationBatch?.CallerReference).toMatch(/^ITEM1-/);
    expect(sent[1]!.input.InvalidationBatch?.CallerReference).not.toBe(sent[0]!.input.InvalidationBatch?.CallerReference);
  });

  it('asks nothing without a distribution (locally) or without moved paths', async () => {
    const { client, sent } = recordingClient();
    useCdnClient(client);
    expect(await invalidatePaths(['/photos/A/*'], 'ITEM1', { distributionId: undefined })).toBe(false);
    expect(await invalidatePaths([], 'ITEM1', { distributionId: 'E2EXAMPLE' })).toBe(false);
    expect(sent).toHaveLength(0);
    // Positive control: the same client is used once there is something to invalidate.
    await invalidatePaths(['/photos/A/*'], 'ITEM1', { distributionId: 'E2EXAMPLE' });
    expect(sent).toHaveLength(1);
  });
});
