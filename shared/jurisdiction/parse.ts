import type * as z from 'zod';
import { type Jurisdiction, jurisdictionSchema } from './schema.js';
import { ConfigError, type ConfigIssue, JURISDICTION_FILE } from './source.js';

/** Zod issues as config issues of one file: `{file, path: 'map.center', message}`. */
export function issuesOf(file: string, error: z.ZodError): ConfigIssue[] {
  return error.issues.map((i) => ({ file, path: i.path.join('.'), message: i.message }));
}

/**
 * Parses and checks a jurisdiction.json. Throws a ConfigError naming every field that is wrong.
 * @example parseJurisdiction(JSON.parse(readFileSync('jurisdictions/demo/jurisdiction.json', 'utf8'))).timezone // 'Europe/London'
 */
export function parseJurisdiction(input: unknown, folder = '(jurisdiction folder)'): Jurisdiction {
  const result = jurisdictionSchema.safeParse(input);
  if (!result.success) throw new ConfigError(folder, issuesOf(JURISDICTION_FILE, result.error));
  return result.data;
}
