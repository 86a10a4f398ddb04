import { Annotations, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AccessLevel,
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Function as CfFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { ORIGIN_HEADER } from '../../functions/lib/origin.js';
import { contentSecurityPolicy } from '../security-headers.js';
import type { OriginHeader } from './origin-secret.js';
import { siteRequestFunction } from './site-pages.js';

/** A private bucket for S3 and CloudFront access logs, kept 90 days and retained with the stack's data. */
export function accessLogBucket(scope: Construct, id: string): Bucket {
  return new Bucket(scope, id, {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
    lifecycleRules: [{ expiration: Duration.days(90) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
}

/**
 * The site: a private bucket behind CloudFront (OAC), `/api/*` routed to the HTTP API on the same
 * origin, public GETs cached briefly (the API's own Cache-Control decides), staff routes never cached,
 * security headers on everything.
 */
export class BoardSite extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** Access logs of the site's buckets and CloudFront (the photo buckets log here too). */
  readonly logs: Bucket;
  readonly headers: ResponseHeadersPolicy;

  constructor(
    scope: Construct,
    id: string,
    props: {
      apiDomain: string;
      originSecret: OriginHeader;
      region: string;
      siteDir: string;
      domainName?: string;
      certificateArn?: string;
      /** Where the report form posts photos (the upload bucket), allowed by the CSP's connect-src. */
      uploadOrigin?: string;
      /** The optional WAF web ACL (infra/cdk/waf.ts), in us-east-1. */
      webAclArn?: string;
    },
  ) {
    super(scope, id);
    const logs = accessLogBucket(this, 'Logs');
    this.logs = logs;
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          override: true,
          contentSecurityPolicy: contentSecurityPolicy(`https://cognito-idp.${props.region}.amazonaws.com`, props.uploadOrigin),
        },
        strictTransportSecurity: { override: true, accessControlMaxAge: Duration.days(365), includeSubdomains: true },
        contentTypeOptions: { override: true },
        frameOptions: { override: true, frameOption: HeadersFrameOption.DENY },
        referrerPolicy: { override: true, referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN },
      },
    });
    this.headers = headers;
    // The origin secret header proves to the API that a request came through here (functions/lib/origin.ts).
    const api = new HttpOrigin(props.apiDomain, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      customHeaders: { [ORIGIN_HEADER]: props.originSecret.value },
    });
    const publicApiCache = new CachePolicy(this, 'PublicApiCache', {
      comment: 'Public API reads: the origin Cache-Control (15 s) decides; never longer than a minute',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(60),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      // Labels and problem messages come in the language Accept-Language asks for (functions/lib/language.ts):
      // one cached copy per header value, so a Welsh reader is never served the English copy.
      headerBehavior: CacheHeaderBehavior.allowList('Accept-Language'),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const apiBehaviour = (cachePolicy: CachePolicy | typeof CachePolicy.CACHING_DISABLED) => ({
      origin: api,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: headers,
    });
    this.distribution = new Distribution(this, 'Distribution', {
      defaultRootObject: 'index.html',
      comment: props.originSecret.rotationMarker,
      domainNames: props.domainName ? [props.domainName] : undefined,
      certificate: props.certificateArn ? Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn) : undefined,
      // Applies with a custom certificate; the default *.cloudfront.net certificate's policy is fixed.
      minimumProtocolVersion: props.certificateArn ? SecurityPolicyProtocol.TLS_V1_2_2021 : undefined,
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        // READ + LIST: without s3:ListBucket S3 answers 403 AccessDenied for a missing object, not 404.
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket, { originAccessLevels: [AccessLevel.READ, AccessLevel.LIST] }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new CfFunction(this, 'SitePages', {
              code: FunctionCode.fromInline(
                // The function's own pages (404) post nothing: the CSP without the upload bucket, and no token in inline code.
                siteRequestFunction(props.siteDir, {
                  'content-security-policy': contentSecurityPolicy(`https://cognito-idp.${props.region}.amazonaws.com`),
                  'x-content-type-options': 'nosniff',
                  'x-frame-options': 'DENY',
                  'referrer-policy': 'strict-origin-when-cross-origin',
                }),
              ),
              runtime: FunctionRuntime.JS_2_0,
              comment: 'Folder index rewrite; 404 page for pages the site does not have',
            }),
          },
        ],
      },
      additionalBehaviors: {
        '/api/staff/*': apiBehaviour(CachePolicy.CACHING_DISABLED),
        '/api/subscriptions/*': apiBehaviour(CachePolicy.CACHING_DISABLED),
        '/api/*': apiBehaviour(publicApiCache),
        '/open311/*': apiBehaviour(publicApiCache),
      },
      // No distribution-wide errorResponses: they would apply to /api/* too and turn problem+json into HTML.
    });
    // Listing lets S3 say 404 for a missing key; it cannot expose the key list, because `/` is the root
    // object (and the edge function rewrites every folder address to its index.html before S3 sees it).
    Annotations.of(this).acknowledgeWarning(
      '@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk',
      'defaultRootObject is index.html and the viewer-request function rewrites every folder path to index.html',
    );
  }

  /** Uploads the built site plus the deploy-time /config.json, and refreshes CloudFront. */
  deploy(siteDir: string, config: Record<string, unknown>): BucketDeployment {
    return new BucketDeployment(this, 'Deploy', {
      sources: [Source.asset(siteDir), Source.jsonData('config.json', config)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
  }
}
