import { Annotations, Duration, Stack, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  type Distribution,
  type IResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Bucket, EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Construct } from 'constructs';
import { ENV } from '../../functions/lib/env.js';
import { PHOTO_PROCESSOR_TABLE_ACTIONS } from '../../functions/photos/table-grants.js';
import { boardFunction, grantTable } from './lambda.js';
import type { PhotoBuckets } from './photo-buckets.js';

/**
 * Photos (docs/photos.md): citizens' originals land in a private upload bucket through presigned POSTs;
 * the bucket's ObjectCreated notification runs the processor, which writes metadata-free display and
 * thumbnail sizes to a second private bucket that only CloudFront reads (OAC), under `/photos/*`, cached
 * for a year (a photo's URL is its upload id: new bytes always get a new URL). Originals are never
 * served and are deleted after a day: they are the files that carry a phone's GPS position.
 *
 * The buckets are the data stack's (infra/cdk/photo-buckets.ts). Grants go on this stack's roles; the
 * notification and the CloudFront origin are made on imported handles of the buckets, so they live here
 * and the data stack never refers back to this one.
 */
export class BoardPhotos extends Construct {
  readonly uploads: Bucket;
  readonly photos: Bucket;
  readonly processor: NodejsFunction;
  /** The same buckets as handles made in this stack (`Bucket.fromBucketAttributes`). */
  private readonly uploadsHere: IBucket;
  private readonly photosHere: IBucket;

  constructor(scope: Construct, id: string, props: { table: ITable; buckets: PhotoBuckets }) {
    super(scope, id);
    this.uploads = props.buckets.uploads;
    this.photos = props.buckets.photos;
    const here = (name: string, b: Bucket) =>
      Bucket.fromBucketAttributes(this, name, {
        bucketArn: b.bucketArn,
        bucketName: b.bucketName,
        bucketRegionalDomainName: b.bucketRegionalDomainName,
      });
    this.uploadsHere = here('UploadBucket', props.buckets.uploads);
    this.photosHere = here('PhotoBucket', props.buckets.photos);

    this.processor = boardFunction(
      this,
      'Processor',
      'photos/process-upload',
      { [ENV.tableName]: props.table.tableName, [ENV.uploadBucket]: this.uploads.bucketName, [ENV.photoBucket]: this.photos.bucketName },
      Duration.seconds(60),
      // sharp is a native module: installed for Lambda's platform (linux arm64) into the bundle, not bundled.
      { nodeModules: ['sharp', 'heic-convert'] },
    );
    // Decoding a 50-megapixel photo takes memory; memory is also what buys Lambda CPU.
    (this.processor.node.defaultChild as CfnFunction).memorySize = 2048;
    grantTable(this.processor, props.table, PHOTO_PROCESSOR_TABLE_ACTIONS);
    this.uploadsHere.grantRead(this.processor, 'originals/*');
    this.photosHere.grantPut(this.processor, 'photos/*');
    this.uploadsHere.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(this.processor), { prefix: 'originals/' });
  }

  /**
   * Lets a moderation route take a photo's files off their public URLs and back (functions/ops/photo-files.ts):
   * move objects between `photos/` and `withheld/` of the photo bucket, and invalidate `/photos/*` paths
   * of the one distribution.
   */
  allowWithholding(fn: NodejsFunction, distribution: Distribution): void {
    // Object actions only (a copy reads one key and writes another; then the first is deleted): no listing, no bucket reads.
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: [this.photos.arnForObjects('photos/*'), this.photos.arnForObjects('withheld/*')],
      }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['cloudfront:CreateInvalidation'],
        resources: [
          Stack.of(this).formatArn({
            service: 'cloudfront',
            region: '',
            resource: 'distribution',
            resourceName: distribution.distributionId,
          }),
        ],
      }),
    );
    fn.addEnvironment(ENV.photoBucket, this.photos.bucketName);
    fn.addEnvironment(ENV.distributionId, distribution.distributionId);
  }

  /** Lets a function sign upload policies: a presigned POST is only as good as its signer's s3:PutObject. */
  allowSigning(fn: NodejsFunction): void {
    this.uploadsHere.grantPut(fn, 'originals/*');
    fn.addEnvironment(ENV.uploadBucket, this.uploads.bucketName);
    fn.addEnvironment(ENV.photoBucket, this.photos.bucketName);
  }

  /**
   * cdk-nag findings on the photo grants, acknowledged on the roles they concern (test/infra/nag.test.ts).
   * The wildcards are one key prefix of one bucket each. The buckets are the data stack's, so a grant's
   * resource is an import (`<data stack>:ExportsOutput…`) whose name is only known once references are
   * resolved: the acknowledgements are made then, by a validation of this construct, for exactly those names.
   */
  acknowledgeFindings(signers: NodejsFunction[], withholders: NodejsFunction[] = []): void {
    const ack = (fn: NodejsFunction, finding: string, reason: string) =>
      Validations.of(fn.role ?? fn).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    const prefix =
      'A key prefix of one private bucket: each upload and each processed photo is a new key named after its upload id, unknown at deploy time.';
    const onPrefix = (fn: NodejsFunction, bucket: IBucket, keys: string, reason: string) =>
      this.node.addValidation({
        validate: () => {
          ack(fn, `Resource::${importName(Stack.of(this).resolve(bucket.bucketArn))}/${keys}`, `${reason} ${prefix}`);
          return [];
        },
      });
    for (const fn of [this.processor, ...signers]) {
      onPrefix(fn, this.uploads, 'originals/*', 'originals/* of the upload bucket only.');
      ack(
        fn,
        'Action::s3:Abort*',
        's3:AbortMultipartUpload from CDK grantPut/grantRead on originals/* only: lets an interrupted upload or write be abandoned.',
      );
    }
    onPrefix(this.processor, this.photos, 'photos/*', 'photos/* of the photo bucket only.');
    for (const action of ['s3:GetObject*', 's3:GetBucket*', 's3:List*']) {
      ack(
        this.processor,
        `Action::${action}`,
        `CDK grantRead on the upload bucket's originals/* only: the processor reads the original it was notified of.`,
      );
    }
    for (const fn of withholders) {
      const why = 'A takedown moves the photo files between these two prefixes of the photo bucket (functions/ops/photo-files.ts).';
      onPrefix(fn, this.photos, 'photos/*', `photos/* of the photo bucket only. ${why}`);
      onPrefix(fn, this.photos, 'withheld/*', `withheld/* of the photo bucket only. ${why}`);
    }
  }

  /** `https://<bucket>.s3.<region>.amazonaws.com`: where the report form posts, for the site's CSP. */
  get uploadOrigin(): string {
    return `https://${this.uploads.bucketRegionalDomainName}`;
  }

  /** The separate cache behaviour for processed photos: immutable files, cached as long as CloudFront allows. */
  serveFrom(distribution: Distribution, headers: IResponseHeadersPolicy): void {
    // The photo bucket's policy (data stack, infra/cdk/photo-buckets.ts) lets CloudFront read `photos/*`:
    // this imported handle must not write it (it cannot, and a second policy on the bucket would fight the first).
    for (const scope of [this, distribution])
      Annotations.of(scope).acknowledgeWarning(
        '@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
        'The photo bucket policy granting CloudFront read on photos/* is set in the data stack (infra/cdk/photo-buckets.ts).',
      );
    distribution.addBehavior('/photos/*', S3BucketOrigin.withOriginAccessControl(this.photosHere), {
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: headers,
      compress: false,
    });
  }
}

/** The name a resolved cross-stack reference imports (`{'Fn::ImportValue': name}`), or its plain form within one stack. */
function importName(resolved: unknown): string {
  const value = resolved as { 'Fn::ImportValue'?: string; 'Fn::GetAtt'?: [string, string] };
  if (value['Fn::ImportValue']) return value['Fn::ImportValue'];
  if (value['Fn::GetAtt']) return `<${value['Fn::GetAtt'][0]}.${value['Fn::GetAtt'][1]}>`;
  return JSON.stringify(resolved);
}
