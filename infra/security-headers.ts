/**
 * The site's Content-Security-Policy, shared by CloudFront (infra/cdk/site.ts) and the local server so
 * the browser tests run under the policy AWS serves. `cognitoOrigin` is where staff sign-in posts:
 * `https://cognito-idp.<region>.amazonaws.com` in AWS, cognito-local's URL locally. `uploadOrigin` is
 * where the report form posts photos: the upload bucket's regional endpoint in AWS, the S3 stand-in locally.
 */
export function contentSecurityPolicy(cognitoOrigin: string, uploadOrigin?: string): string {
  return [
    "default-src 'self'",
    // Map tiles come from the configured tile server (https) and Leaflet draws some icons as data URLs.
    "img-src 'self' data: https:",
    // Leaflet positions markers and clusters with inline style attributes.
    "style-src 'self' 'unsafe-inline'",
    // Astro emits external module scripts only; no inline script may run.
    "script-src 'self'",
    // The report form posts photos straight to the upload bucket (a presigned POST: docs/photos.md).
    `connect-src 'self' ${cognitoOrigin}${uploadOrigin ? ` ${uploadOrigin}` : ''}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}
