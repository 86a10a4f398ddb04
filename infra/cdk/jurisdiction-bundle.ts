import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type JurisdictionSource, jurisdictionSource, type MessageNamespace } from '../../shared/jurisdiction/source.js';

/** What functions say to people: problem text, emails, and the shared words (the site has its own copy). */
const FUNCTION_NAMESPACES: readonly MessageNamespace[] = ['common', 'email', 'api'];

/** The catalogs a function needs: the jurisdiction's languages only, without the site's and the console's text. */
function functionMessages(source: JurisdictionSource): JurisdictionSource['messages'] {
  const j = source.jurisdiction as { languages?: string[]; locale?: string };
  const offered = j.languages ?? [j.locale?.split('-')[0] ?? 'en'];
  return Object.fromEntries(
    offered.map((lang) => [
      lang,
      Object.fromEntries(
        Object.entries(source.messages?.[lang] ?? {}).filter(([ns]) => FUNCTION_NAMESPACES.includes(ns as MessageNamespace)),
      ),
    ]),
  );
}

/** The env var every function carries: which jurisdiction its bundle was built with (visible in the template). */
export const JURISDICTION_ID_ENV = 'CIVICBOARD_JURISDICTION_ID';

/** Rounds coordinates to 6 decimals (~0.1 m): the areas file in every bundle costs half as much. */
function compact(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e6) / 1e6 : v)));
}

/**
 * Writes the chosen jurisdiction folder's data as a module for esbuild's `inject`, which binds the
 * free identifier `__CIVICBOARD_JURISDICTION__` in shared/jurisdiction/source.ts to it: every Lambda
 * runs on the folder the CDK app was given (`-c jurisdiction=`), with no file to find at run time.
 * (A `define` would pass the data on esbuild's command line, which a ward file outgrows.)
 */
export function jurisdictionInject(root: string): string {
  const source = jurisdictionSource();
  const data = {
    ...source,
    folder: '(bundled)',
    areas: source.areas && { file: source.areas.file, data: compact(source.areas.data) },
    messages: functionMessages(source),
  };
  const text = `export const __CIVICBOARD_JURISDICTION__ = ${JSON.stringify(data)};\n`;
  const dir = join(root, '.local', 'cdk');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `jurisdiction-${createHash('sha256').update(text).digest('hex').slice(0, 12)}.mjs`);
  writeFileSync(file, text);
  return file;
}
