import { Ajv2020 } from 'ajv/dist/2020.js';
import { openApiDocument } from '../../functions/openapi/document.js';
import { ROUTES } from '../../functions/routes.js';
import { compileRoutes, matchRoute } from '../../infra/local/apigw-event.js';

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI JSON
type Json = any;
const compiled = compileRoutes(ROUTES);
const ajv = new Ajv2020({ strict: false, allErrors: true });
const doc = openApiDocument() as Json;
ajv.addSchema({ $id: 'openapi', components: doc.components }, 'openapi');
const validators = new Map<string, ReturnType<typeof ajv.compile>>();

function validatorFor(schema: Json) {
  const key = JSON.stringify(schema);
  let v = validators.get(key);
  if (!v) {
    const rewritten = JSON.parse(key.replaceAll('"#/components/', '"openapi#/components/'));
    v = ajv.compile(rewritten);
    validators.set(key, v);
  }
  return v;
}

/**
 * What is wrong with a response according to the OpenAPI document, or undefined: its status must be
 * documented for its route (or be an error the `default` response covers), its media type one the
 * document lists, and its body valid against that media type's schema.
 */
export function openApiBreach(method: string, path: string, status: number, contentType: string, body: unknown): string | undefined {
  const match = matchRoute(compiled, method, path.split('?')[0] as string);
  if (!match.route) return undefined; // the server's own 404/405 for paths no route has
  const op = doc.paths[match.route.path]?.[method.toLowerCase()];
  if (!op) return `${method} ${match.route.path} is not in the OpenAPI document`;
  const response = op.responses[String(status)] ?? (status >= 400 ? op.responses.default : undefined);
  if (!response) return `${method} ${match.route.path} answered ${status}, which the document does not list`;
  if (!response.content) return undefined;
  const type = contentType.split(';')[0]?.trim() ?? '';
  const media = response.content[type];
  if (!media)
    return `${method} ${match.route.path} ${status} as ${type || 'no content type'}; the document lists ${Object.keys(response.content)}`;
  if (typeof body === 'string' && type.includes('json')) return `${status} ${type} body does not parse`;
  const validate = validatorFor(media.schema);
  if (!validate(body)) return `${method} ${match.route.path} ${status} body: ${ajv.errorsText(validate.errors)}`;
  return undefined;
}
