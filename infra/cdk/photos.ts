import { type CfnElement, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  type Distribution,
  type IResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType, HttpMethods } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Construct } from 'constructs';
import { ENV } from '../../functions/lib/env.js';
import { PHOTO_PROCESSOR_TABLE_ACTIONS } from '../../functions/photos/table-grants.js';
import { boardFunction, grantTable } from './lambda.js';

/**
 * Photos (docs/photos.md): citizens' originals land in a private upload bucket through presigned POSTs;
 * the bucket's ObjectCreated notification runs the processor, which writes metadata-free display and
 * thumbnail sizes to a second private bucket that only CloudFront reads (OAC), under `/photos/*`, cached
 * for a year (a photo's URL is its upload id: new bytes always get a new URL). Originals are never
 * served and are deleted after a day: they are the files that carry a phone's GPS position.
 */
export class BoardPhotos extends Construct {
  readonly uploads: Bucket;
  readonly photos: Bucket;
  readonly processor: NodejsFunction;

  constructor(scope: Construct, id: string, props: { table: ITable; logs: Bucket }) {
    super(scope, id);
    const common = {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: props.logs,
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
    this.uploads.grantRead(this.processor, 'originals/*');
    this.photos.grantPut(this.processor, 'photos/*');
    this.uploads.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(this.processor), { prefix: 'originals/' });
  }

  /** Lets a function sign upload policies: a presigned POST is only as good as its signer's s3:PutObject. */
  allowSigning(fn: NodejsFunction): void {
    this.uploads.grantPut(fn, 'originals/*');
    fn.addEnvironment(ENV.uploadBucket, this.uploads.bucketName);
    fn.addEnvironment(ENV.photoBucket, this.photos.bucketName);
  }

  /**
   * cdk-nag findings on the photo grants, acknowledged on the roles they concern (test/infra/nag.test.ts).
   * The wildcards are CDK's grant helpers on one key prefix of one bucket each.
   */
  acknowledgeFindings(signers: NodejsFunction[]): void {
    const stack = Stack.of(this);
    const id = (b: Bucket) => stack.getLogicalId(b.node.defaultChild as CfnElement);
    const ack = (fn: NodejsFunction, finding: string, reason: string) =>
      Validations.of(fn.role ?? fn).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    const prefix =
      'A key prefix of one private bucket: each upload and each processed photo is a new key named after its upload id, unknown at deploy time.';
    for (const fn of [this.processor, ...signers]) {
      ack(fn, `Resource::<${id(this.uploads)}.Arn>/originals/*`, `originals/* of the upload bucket only. ${prefix}`);
      ack(
        fn,
        'Action::s3:Abort*',
        's3:AbortMultipartUpload from CDK grantPut/grantRead on originals/* only: lets an interrupted upload or write be abandoned.',
      );
    }
    ack(this.processor, `Resource::<${id(this.photos)}.Arn>/photos/*`, `photos/* of the photo bucket only. ${prefix}`);
    for (const action of ['s3:GetObject*', 's3:GetBucket*', 's3:List*']) {
      ack(
        this.processor,
        `Action::${action}`,
        `CDK grantRead on the upload bucket's originals/* only: the processor reads the original it was notified of.`,
      );
    }
  }

  /** `https://<bucket>.s3.<region>.amazonaws.com`: where the report form posts, for the site's CSP. */
  get uploadOrigin(): string {
    return `https://${this.uploads.bucketRegionalDomainName}`;
  }

  /** The separate cache behaviour for processed photos: immutable files, cached as long as CloudFront allows. */
  serveFrom(distribution: Distribution, headers: IResponseHeadersPolicy): void {
    distribution.addBehavior('/photos/*', S3BucketOrigin.withOriginAccessControl(this.photos), {
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: headers,
      compress: false,
    });
  }
}
