import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { ROUTES } from '../../functions/routes.js';
import { defaultLanguage, languages } from '../../shared/i18n/board.js';
import { compileLanguageRedirect, type EdgeRequest, LANGUAGE_COOKIE } from '../cdk/site-language.js';
import { contentSecurityPolicy } from '../security-headers.js';
import { compileRoutes, matchRoute, safeDecode, toApiGatewayEvent } from './apigw-event.js';
import { withGrantsOf } from './local-iam.js';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export interface ServerOptions {
  port: number;
  /** Sent to every handler in the origin header, as CloudFront sends it in AWS (functions/lib/origin.ts). */
  originSecret: string;
  /** The runtime config served at /config.json. */
  siteConfig: () => unknown;
  /** Built site to serve at `/`; a placeholder page when it is not built. */
  siteDir: string;
  /** Where staff sign-in posts (cognito-local), allowed by the Content-Security-Policy as in AWS. */
  cognitoOrigin: string;
  /** Where the report form posts photos (the S3 stand-in), allowed by the Content-Security-Policy as the bucket is in AWS. */
  uploadOrigin?: string;
  /** The processed-photo bucket, served under /photos/ as CloudFront's photo behaviour serves it in AWS. */
  photoOrigin?: string;
}

/** API Gateway rejects bodies above 10 MB before Lambda; locally we stop reading at 1 MB. */
const MAX_REQUEST_BYTES = 1024 * 1024;
const functionsDir = resolve(import.meta.dirname, '../../functions');
const handlers = new Map<string, Promise<Handler>>();

function loadHandler(module: string): Promise<Handler> {
  let loaded = handlers.get(module);
  if (!loaded) {
    loaded = import(pathToFileURL(join(functionsDir, `${module}.ts`)).href).then((m: { handler: Handler }) => m.handler);
    handlers.set(module, loaded);
  }
  return loaded;
}

function problem(res: ServerResponse, status: number, title: string, detail: string, headers: Record<string, string> = {}) {
  const body = JSON.stringify({ type: `/problems/${title.toLowerCase().replace(/\W+/g, '-')}`, title, status, detail });
  res.writeHead(status, {
    'content-type': 'application/problem+json',
    'cache-control': 'no-store',
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function lambdaContext(route: string): Context {
  const deadline = Date.now() + 29_000;
  return {
    awsRequestId: randomUUID(),
    functionName: route,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${route}`,
    memoryLimitInMB: '256',
    logGroupName: `/aws/lambda/${route}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => deadline - Date.now(),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

const compiled = compileRoutes(ROUTES);

async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, opts: ServerOptions): Promise<void> {
  const match = matchRoute(compiled, req.method ?? 'GET', url.pathname);
  if (!match.route) {
    if (match.methods.length)
      return problem(res, 405, 'Method not allowed', `Use ${match.methods.join(' or ')} on ${url.pathname}.`, {
        allow: match.methods.join(', '),
      });
    return problem(res, 404, 'Not found', `There is no API route ${url.pathname}.`);
  }
  if ('malformed' in match) return problem(res, 400, 'Bad request', 'The address has a %-escape that is not UTF-8 text.');
  // No token check here: as in AWS (no API Gateway authorizer), the function verifies staff tokens itself.
  const body = await readBody(req);
  if (!body) return problem(res, 413, 'Payload too large', 'The body is far too large.');
  const event = toApiGatewayEvent(req, url, match.route, match.pathParameters ?? {}, body, opts.originSecret);
  const handler = await loadHandler(match.route.handler);
  const route = match.route;
  const result = await withGrantsOf(route, () => handler(event, lambdaContext(route.handler)));
  const responseBody = result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? '');
  res.writeHead(result.statusCode ?? 200, (result.headers ?? {}) as Record<string, string>);
  res.end(responseBody);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

const PLACEHOLDER = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>civicboard</title></head>
<body><main><h1>civicboard</h1><p>The API is running at <a href="/api/services">/api/services</a>. Build the site with <code>npm run build:site</code>.</p></main></body></html>`;

/** The headers CloudFront's response headers policy adds in AWS (infra/cdk/site.ts). */
function securityHeaders(cognitoOrigin: string, uploadOrigin?: string): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(cognitoOrigin, uploadOrigin),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
  };
}

/** The edge's language choice (infra/cdk/site-language.ts), the very code CloudFront runs. */
const languageRedirect = compileLanguageRedirect(languages, defaultLanguage);

/** Answers with the edge's redirect when the request asks for (or prefers) another language; else false. */
function redirectLanguage(req: IncomingMessage, res: ServerResponse, url: URL, secure: Record<string, string>): boolean {
  const querystring: EdgeRequest['querystring'] = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    querystring[name] = { value: values[0] as string, ...(values.length > 1 ? { multiValue: values.map((value) => ({ value })) } : {}) };
  }
  const cookies: EdgeRequest['cookies'] = {};
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0) cookies[pair.slice(0, at).trim()] = { value: decodeURIComponent(pair.slice(at + 1).trim()) };
  }
  const accept = req.headers['accept-language'];
  const found = languageRedirect({
    uri: url.pathname,
    querystring,
    headers: accept ? { 'accept-language': { value: accept } } : {},
    cookies,
  });
  if (!found) return false;
  const cookie = found.cookies?.[LANGUAGE_COOKIE];
  res.writeHead(302, {
    ...secure,
    ...Object.fromEntries(Object.entries(found.headers).map(([k, v]) => [k, v.value])),
    ...(cookie ? { 'set-cookie': `${LANGUAGE_COOKIE}=${cookie.value}; ${cookie.attributes}` } : {}),
  });
  res.end();
  return true;
}

function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  siteDir: string,
  cognitoOrigin: string,
  uploadOrigin?: string,
): void {
  const root = resolve(siteDir);
  const secure = securityHeaders(cognitoOrigin, uploadOrigin);
  if (redirectLanguage(req, res, url, secure)) return;
  const path = safeDecode(url.pathname);
  let file = path === undefined ? '' : normalize(join(root, path));
  if (!file.startsWith(root)) {
    problem(res, 404, 'Not found', 'No such page.');
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) {
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, { 'content-type': TYPES['.html'] as string, ...secure });
      return void res.end(PLACEHOLDER);
    }
    const notFound = join(root, '404.html');
    res.writeHead(404, { 'content-type': TYPES['.html'] as string, ...secure });
    return void (existsSync(notFound)
      ? createReadStream(notFound).pipe(res)
      : res.end('<!doctype html><title>Not found</title><h1>Not found</h1>'));
  }
  const immutable = file.includes(`${join(root, '_astro')}`);
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...secure,
  });
  createReadStream(file).pipe(res);
}

/**
 * `/photos/<id>/<size>.jpg` from the processed-photo bucket, as CloudFront's photo behaviour serves it:
 * immutable (a photo's URL never names other bytes), 404 for anything that is not there.
 */
async function servePhoto(res: ServerResponse, url: URL, photoOrigin: string): Promise<void> {
  if (!/^\/photos\/[0-9A-HJKMNP-TV-Z]{26}\/(display|thumb)\.jpg$/.test(url.pathname))
    return problem(res, 404, 'Not found', 'No such photo.');
  const found = await fetch(`${photoOrigin}${url.pathname}`);
  if (!found.ok) return problem(res, 404, 'Not found', 'No such photo.');
  res.writeHead(200, {
    'content-type': 'image/jpeg',
    'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
  });
  res.end(Buffer.from(await found.arrayBuffer()));
}

function serveOther(req: IncomingMessage, res: ServerResponse, url: URL, opts: ServerOptions): void | Promise<void> {
  if (url.pathname.startsWith('/photos/') && opts.photoOrigin) return servePhoto(res, url, opts.photoOrigin);
  if (url.pathname !== '/config.json') {
    serveStatic(req, res, url, opts.siteDir, opts.cognitoOrigin, opts.uploadOrigin);
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' });
  res.end(JSON.stringify(opts.siteConfig()));
}

function requestUrl(req: IncomingMessage): URL | undefined {
  try {
    return new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  } catch {
    return undefined;
  }
}

/** What Node's parser refused, as the status and words a client can act on. */
function parseFailure(code: string | undefined): { status: number; detail: string } {
  if (code === 'HPE_HEADER_OVERFLOW')
    return { status: 431, detail: 'The address or the headers are too long: keep the request line and headers under 16 KB.' };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, detail: 'The request did not arrive in time.' };
  return { status: 400, detail: 'The request is not valid HTTP: check the request line and the header names and values.' };
}

/**
 * A request Node's HTTP parser refuses (headers over 16 KB, bytes a header may not hold) never reaches
 * a handler, and Node answers it with a bare status line. Answer as the API does, with problem+json,
 * then close: the connection's framing can no longer be trusted.
 */
function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  // A response already under way on this connection cannot be followed by another.
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const { status, detail } = parseFailure(err.code);
  const title = STATUS_CODES[status] ?? 'Bad Request';
  const body = JSON.stringify({ type: `/problems/${title.toLowerCase().replace(/\W+/g, '-')}`, title, status, detail });
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\ncontent-type: application/problem+json\r\ncache-control: no-store\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/** The local stand-in for CloudFront + API Gateway: one origin serving the site, /config.json and /api. */
export function startServer(opts: ServerOptions): Promise<Server> {
  const server = createServer((req, res) => {
    const url = requestUrl(req);
    // A Host that is no host name would make `new URL` throw inside the listener, which ends the process.
    if (!url) return problem(res, 400, 'Bad request', 'The Host header is not a host name.');
    const work =
      url.pathname.startsWith('/api/') || url.pathname.startsWith('/open311/')
        ? handleApi(req, res, url, opts)
        : Promise.resolve().then(() => serveOther(req, res, url, opts));
    work.catch((err: unknown) => {
      console.error('local server error', err);
      if (!res.headersSent) problem(res, 500, 'Internal error', 'Internal error.');
    });
  });
  server.on('clientError', answerClientError);
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(opts.port, () => resolveServer(server));
  });
}
