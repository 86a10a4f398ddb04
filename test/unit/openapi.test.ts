import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../functions/openapi/document.js';
import { ROUTE_SCHEMAS } from '../../functions/openapi/route-schemas.js';
import { ROUTES, routeKey } from '../../functions/routes.js';
import { ROUTE_INPUTS } from '../support/hostile/inputs.js';

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI JSON
const doc = openApiDocument() as any;

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with an operation for every route of the route table', () => {
    expect(doc.openapi).toBe('3.1.0');
    const missing = ROUTES.filter((r) => !doc.paths[r.path]?.[r.method.toLowerCase()]).map(routeKey);
    expect(missing).toEqual([]);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(ROUTES.map(routeKey).sort());
  });

  it('is generated from the schemas the handlers validate (the same objects the hostile suite fuzzes)', async () => {
    let checked = 0;
    const mismatches: string[] = [];
    for (const route of ROUTES) {
      const key = routeKey(route);
      expect(ROUTE_INPUTS[key], key).toBe(ROUTE_SCHEMAS[key]);
      const module = new URL(`../../functions/${route.handler}.ts`, import.meta.url).href;
      const { handler } = (await import(/* @vite-ignore */ module)) as {
        handler: { schemas?: { body?: unknown; query?: unknown } };
      };
      // Open311 routes parse their own form and query (functions/lib/open311-route.ts); every other route says what it validates.
      if (key.includes(' /open311/')) continue;
      if (!handler.schemas) mismatches.push(`${key}: not made with route()`);
      else if (handler.schemas.body !== ROUTE_SCHEMAS[key]?.body) mismatches.push(`${key}: body`);
      else if (handler.schemas.query !== ROUTE_SCHEMAS[key]?.query) mismatches.push(`${key}: query`);
      checked++;
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(40);
    const create = doc.paths['/api/reports'].post.requestBody.content['application/json'].schema;
    expect(create.required).toEqual(expect.arrayContaining(['serviceCode', 'description']));
    expect(create.additionalProperties).toBe(false);
  }, 60_000); // importing every handler takes a few seconds on two cores

  it('lists each route’s errors: staff routes 401/403, bodies 400/413/415, ids 404, public writes 429', () => {
    const staffWrite = doc.paths['/api/staff/reports/{id}/transitions'].post.responses;
    expect(Object.keys(staffWrite)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409', '412', '413', '415']));
    expect(staffWrite['401'].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/Problem');
    expect(Object.keys(doc.paths['/api/reports'].post.responses)).toEqual(expect.arrayContaining(['201', '400', '413', '415', '429']));
    expect(Object.keys(doc.paths['/api/health'].get.responses)).toEqual(['200', 'default']);
    expect(doc.paths['/open311/v2/requests.xml'].post.responses['403'].content['text/xml']).toBeDefined();
  });

  it('every schema in it compiles as JSON Schema 2020-12', { timeout: 30_000 }, () => {
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema({ $id: 'openapi', components: doc.components });
    let compiled = 0;
    const walk = (node: unknown) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.schema && typeof n.schema === 'object') {
        ajv.compile(JSON.parse(JSON.stringify(n.schema).replaceAll('"#/components/', '"openapi#/components/')));
        compiled++;
      }
      for (const v of Object.values(n)) walk(v);
    };
    walk(doc.paths);
    expect(compiled).toBeGreaterThan(ROUTES.length);
  });
});
