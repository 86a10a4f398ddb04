import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { S3Event } from 'aws-lambda';
import S3rver from 's3rver';
import { PHOTO_LIMITS } from '../../shared/photos.js';
import { checkPostPolicy, type PolicyRefusal } from './s3-policy.js';

/**
 * The local S3: s3rver keeps the buckets on disk and sends ObjectCreated notifications, and a front on
 * the public port does what s3rver does not: check presigned POST policies (signature, expiry, key,
 * Content-Type, content-length-range) exactly as S3 does (./s3-policy.ts), and answer the browser's CORS
 * preflight for the site's origin as the bucket's CORS rule does in AWS. Verified uploads are stored
 * with a plain PUT to s3rver; every other request (the functions' GetObject and PutObject) passes
 * through. Why a front and not s3rver alone: docs/toolchain.md.
 */
export interface LocalS3 {
  url: string;
  /** s3rver itself, for the local server's /photos/ behaviour (CloudFront's bucket origin in AWS). */
  internalUrl: string;
  stop(): Promise<void>;
}

export interface LocalS3Options {
  port: number;
  directory: string;
  buckets: string[];
  /** The site's origin, allowed to POST uploads from the browser. */
  siteOrigin: string;
  secretAccessKey: string;
  /** The bucket notification: called with each ObjectCreated event, as S3 invokes the processor in AWS. */
  onObjectCreated: (event: S3Event) => Promise<void>;
  log?: (line: string) => void;
}

/** A POST bigger than any policy we sign can allow (10 MB and the form around it) is refused unread. */
const MAX_POST_BYTES = PHOTO_LIMITS.bytes + 1024 * 1024;

function xmlError(res: ServerResponse, refusal: PolicyRefusal, cors: Record<string, string>): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${refusal.code}</Code><Message>${refusal.message.replace(/[<&>]/g, '')}</Message></Error>`;
  res.writeHead(refusal.status, { 'content-type': 'application/xml', ...cors });
  res.end(body);
}

async function readLimited(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startLocalS3(opts: LocalS3Options): Promise<LocalS3> {
  const s3rver = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: opts.directory,
    configureBuckets: opts.buckets.map((name) => ({ name })),
  });
  const address = await s3rver.run();
  const internalUrl = `http://127.0.0.1:${address.port}`;
  s3rver.on('event', (event) => {
    if (!event.Records?.every((r) => r.eventName.startsWith('ObjectCreated'))) return;
    opts.onObjectCreated(event).catch((err: unknown) => opts.log?.(`photo processing failed: ${String(err)}`));
  });
  const cors = { 'access-control-allow-origin': opts.siteOrigin, vary: 'Origin' };

  async function upload(req: IncomingMessage, res: ServerResponse, bucket: string): Promise<void> {
    const body = await readLimited(req, MAX_POST_BYTES);
    if (!body)
      return xmlError(res, { status: 400, code: 'EntityTooLarge', message: 'Your proposed upload exceeds the maximum allowed size' }, cors);
    let form: FormData;
    try {
      form = await new Request('http://s3.local/', {
        method: 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? '' },
        body: new Uint8Array(body),
      }).formData();
    } catch {
      return xmlError(
        res,
        { status: 400, code: 'MalformedPOSTRequest', message: 'The body of your POST request is not well-formed multipart/form-data.' },
        cors,
      );
    }
    const fields: Record<string, string> = {};
    let file: File | undefined;
    for (const [name, value] of form as unknown as Iterable<[string, FormDataEntryValue]>) {
      if (name.toLowerCase() === 'file' && typeof value !== 'string') {
        file = value;
        break; // S3 ignores every field after the file
      }
      if (typeof value === 'string') fields[name] = value;
    }
    if (!file)
      return xmlError(res, { status: 400, code: 'InvalidArgument', message: 'POST requires exactly one file upload per request.' }, cors);
    const refusal = checkPostPolicy(fields, file.size, bucket, { secretAccessKey: opts.secretAccessKey });
    if (refusal) return xmlError(res, refusal, cors);
    const key = Object.entries(fields).find(([k]) => k.toLowerCase() === 'key')?.[1] ?? '';
    const contentType = Object.entries(fields).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? 'application/octet-stream';
    const stored = await fetch(`${internalUrl}/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`, {
      method: 'PUT',
      headers: { 'content-type': contentType },
      body: new Uint8Array(await file.arrayBuffer()),
    });
    res.writeHead(stored.ok ? 204 : 500, cors);
    res.end();
  }

  /** Everything else goes to s3rver as an anonymous request (the front is the local account's only door). */
  function pass(req: IncomingMessage, res: ServerResponse): void {
    const { authorization: _a, host: _h, ...headers } = req.headers;
    const upstream = request(`${internalUrl}${req.url ?? '/'}`, { method: req.method, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  }

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://s3.local').pathname;
    const bucket = path.split('/')[1] ?? '';
    if (req.method === 'OPTIONS') {
      res.writeHead(200, {
        ...cors,
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': '*',
        'access-control-max-age': '600',
      });
      return void res.end();
    }
    const isUpload = req.method === 'POST' && path === `/${bucket}` && /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
    if (!isUpload) return pass(req, res);
    upload(req, res, bucket).catch((err: unknown) => {
      opts.log?.(`local S3 upload error: ${String(err)}`);
      if (!res.headersSent) xmlError(res, { status: 400, code: 'MalformedPOSTRequest', message: 'The upload could not be read.' }, cors);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}`,
    internalUrl,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await s3rver.close();
    },
  };
}
