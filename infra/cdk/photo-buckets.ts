import { Aws, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { accessLogBucket } from './site.js';

/**
 * The photo buckets (docs/photos.md), in the data stack: they hold citizens' photos, so they outlive a
 * service-stack redeploy and are retained if a stack is deleted. The service stack (infra/cdk/photos.ts)
 * gets them as references: its processor, upload signer and moderation routes are granted on their roles,
 * and it wires the upload notification and CloudFront's origin on imported handles, so this stack never
 * refers to the service stack (which refers to it).
 *
 * Construct ids `Photos/Uploads` and `Photos/Photos` are those the buckets had in the service stack, so
 * their logical ids stay the same (docs/deploy.md says how to move existing buckets across by import).
 */
export class PhotoBuckets extends Construct {
  readonly uploads: Bucket;
  readonly photos: Bucket;
  readonly logs: Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.logs = accessLogBucket(this, 'Logs');
    const common = {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: this.logs,
      removalPolicy: RemovalPolicy.RETAIN,
    };
    this.uploads = new Bucket(this, 'Uploads', {
      ...common,
      serverAccessLogsPrefix: 's3-uploads/',
      lifecycleRules: [{ expiration: Duration.days(1), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      // The browser posts the file here. A POST is only accepted with a policy our API signed (one key, one
      // type, at most 10 MB, 5 minutes), so the origin check adds nothing and '*' spares a stack cycle.
      cors: [{ allowedMethods: [HttpMethods.POST], allowedOrigins: ['*'], allowedHeaders: ['*'], maxAge: 600 }],
    });
    this.photos = new Bucket(this, 'Photos', { ...common, serverAccessLogsPrefix: 's3-photos/' });
    // CloudFront (origin access control) reads processed photos only: never `withheld/` (taken down) keys.
    // The distribution is the service stack's, which refers to this stack, so the condition names the
    // account's distributions rather than the one (a reference back would make the stacks a cycle).
    this.photos.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudFrontReadsProcessedPhotos',
        principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['s3:GetObject'],
        resources: [this.photos.arnForObjects('photos/*')],
        conditions: {
          StringLike: { 'AWS:SourceArn': `arn:${Aws.PARTITION}:cloudfront::${Stack.of(this).account}:distribution/*` },
        },
      }),
    );
  }
}
