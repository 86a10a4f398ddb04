import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { config } from '../lib/env.js';

/**
 * The CDN in front of /photos/* (AWS only): a takedown asks CloudFront to drop its cached copies, since
 * processed photos are cached a year at the edge. Locally there is no CDN (no DISTRIBUTION_ID): nothing to do.
 */
let client: CloudFrontClient | undefined;

/** For tests: the SDK client to use (CloudFront cannot run here). */
export function useCdnClient(c: CloudFrontClient | undefined): void {
  client = c;
}

/**
 * Invalidates these paths (`/photos/<id>/*`) on the distribution (the configured one unless `target` names
 * another, or none); resolves once CloudFront accepted the request. False when there was nothing to ask.
 */
export async function invalidatePaths(paths: string[], reference: string, target?: { distributionId?: string }): Promise<boolean> {
  const distributionId = target ? target.distributionId : config().distributionId;
  if (!distributionId || paths.length === 0) return false;
  client ??= new CloudFrontClient({ region: 'us-east-1' });
  await client.send(
    new CreateInvalidationCommand({
      DistributionId: distributionId,
      InvalidationBatch: {
        Paths: { Quantity: paths.length, Items: paths },
        // Unique per call: CloudFront treats a repeated CallerReference as the same request.
        CallerReference: `${reference}-${Date.now()}`,
      },
    }),
  );
  return true;
}
