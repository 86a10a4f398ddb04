import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ORIGIN_HEADER } from '../../functions/lib/origin.js';
import { type RouteDefinition, routeKey } from '../../functions/routes.js';

/** A route template compiled to a matcher: `/api/reports/{id}` → /^\/api\/reports\/([^/]+)$/. */
export interface CompiledRoute extends RouteDefinition {
  pattern: RegExp;
  params: string[];
}

export function compileRoutes(routes: RouteDefinition[]): CompiledRoute[] {
  return routes.map((r) => {
    const params: string[] = [];
    const source = r.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
      params.push(name);
      return '([^/]+)';
    });
    return { ...r, pattern: new RegExp(`^${source}$`), params };
  });
}

/** A %-decoded path segment, or undefined when its escapes are not UTF-8 (`%ff`): API Gateway refuses those too. */
export function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Finds the route for a method and path; `methods` lists what the path allows when the method does not match. */
export function matchRoute(routes: CompiledRoute[], method: string, path: string) {
  // As API Gateway does, a literal segment beats a parameter: `/api/bills/calendar.ics` before `/api/bills/{id}`.
  const onPath = routes.filter((r) => r.pattern.test(path)).sort((a, b) => a.params.length - b.params.length);
  const route = onPath.find((r) => r.method === method);
  if (!route) return { methods: onPath.map((r) => r.method) };
  const values = (route.pattern.exec(path) as RegExpExecArray).slice(1).map(safeDecode);
  if (values.some((v) => v === undefined)) return { route, malformed: true as const };
  return { route, pathParameters: Object.fromEntries(route.params.map((p, i) => [p, values[i] as string])) };
}

/** Builds the API Gateway HTTP API (payload 2.0) event Lambda would receive for this request. */
export function toApiGatewayEvent(
  req: IncomingMessage,
  url: URL,
  route: CompiledRoute,
  pathParameters: Record<string, string>,
  body: Buffer,
  originSecret: string,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  // As CloudFront does for the API behaviour: the viewer's own address and port, replacing any a client sent.
  headers['cloudfront-viewer-address'] = viewerAddress(req.socket.remoteAddress ?? '127.0.0.1', req.socket.remotePort ?? 0);
  // As CloudFront's origin custom header does: proof the request came through the edge, replacing any sent.
  headers[ORIGIN_HEADER] = originSecret;
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const now = new Date();
  const textual = /json|text|x-www-form-urlencoded/i.test(headers['content-type'] ?? '') || body.length === 0;
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: routeKey(route),
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: Object.keys(pathParameters).length ? pathParameters : undefined,
    body: body.length ? (textual ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: !textual,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      http: {
        method: route.method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: routeKey(route),
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
  };
  return event;
}

/** CloudFront's `CloudFront-Viewer-Address`: the address, a colon, the port (IPv6 written out, unbracketed). */
function viewerAddress(address: string, port: number): string {
  return `${address.replace(/^::ffff:(?=\d+\.)/, '')}:${port}`;
}
