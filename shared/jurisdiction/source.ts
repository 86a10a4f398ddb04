/**
 * Where the jurisdiction folder's files come from. Two ways, one shape:
 * - bundles (the Lambdas, the site) have the folder's data compiled in as `__CIVICBOARD_JURISDICTION__`
 *   (esbuild/Vite `define`), so AWS runs on exactly the folder the CDK app was given;
 * - Node (`npm start`, the importers, the tests, the CDK app) reads the folder named by
 *   `CIVICBOARD_JURISDICTION` (default: the demo folder shipped in the project).
 * `process.getBuiltinModule` instead of an `import 'node:fs'` keeps this module loadable in a browser bundle.
 */

/** The name of the environment variable (and `-c jurisdiction=` in the CDK app) that chooses the folder. */
export const JURISDICTION_ENV = 'CIVICBOARD_JURISDICTION';
export const JURISDICTION_FILE = 'jurisdiction.json';
export const CATALOG_FILE = 'catalog.json';

/** The raw (unvalidated) contents of a jurisdiction folder. */
export interface JurisdictionSource {
  /** The folder, absolute (for messages). */
  folder: string;
  jurisdiction: unknown;
  catalog: unknown;
  /** The areas file's path as written in jurisdiction.json, and its parsed contents. */
  areas?: { file: string; data: unknown };
}

/** A problem in a jurisdiction folder: which file, which field, what is wrong. */
export interface ConfigIssue {
  file: string;
  path: string;
  message: string;
}

/** Thrown when a jurisdiction folder cannot be read or is invalid; the message lists every issue. */
export class ConfigError extends Error {
  constructor(
    readonly folder: string,
    readonly issues: ConfigIssue[],
  ) {
    super(
      `The jurisdiction folder ${folder} is invalid:\n${issues.map((i) => `  ${i.file}: ${i.path || '(root)'}: ${i.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

declare const __CIVICBOARD_JURISDICTION__: JurisdictionSource | undefined;

interface NodeBits {
  fs: { readFileSync(path: string, enc: 'utf8'): string };
  path: { resolve(...parts: string[]): string; dirname(p: string): string };
  env: Record<string, string | undefined>;
  cwd: string;
}

function node(): NodeBits | undefined {
  // biome-ignore lint/suspicious/noExplicitAny: the browser has no `process`; Node 20.16+ has getBuiltinModule
  const proc = (globalThis as any).process;
  if (!proc?.getBuiltinModule) return undefined;
  return { fs: proc.getBuiltinModule('node:fs'), path: proc.getBuiltinModule('node:path'), env: proc.env, cwd: proc.cwd() };
}

/** The demo folder shipped in the project (`jurisdictions/demo`). */
export function defaultJurisdictionFolder(): string {
  const n = node();
  if (!n) throw new Error('no jurisdiction data was bundled, and there is no file system to read it from');
  return n.path.resolve((import.meta as { dirname?: string }).dirname ?? n.cwd, '..', '..', 'jurisdictions', 'demo');
}

/** The folder chosen by `CIVICBOARD_JURISDICTION` (relative paths from the working directory), else the demo. */
export function chosenJurisdictionFolder(): string {
  const n = node();
  const chosen = n?.env[JURISDICTION_ENV]?.trim();
  return chosen && n ? n.path.resolve(n.cwd, chosen) : defaultJurisdictionFolder();
}

function readJson(n: NodeBits, folder: string, file: string, issues: ConfigIssue[]): unknown {
  let text: string;
  try {
    text = n.fs.readFileSync(n.path.resolve(folder, file), 'utf8');
  } catch (err) {
    issues.push({ file, path: '', message: `cannot read ${n.path.resolve(folder, file)} (${(err as { code?: string }).code ?? 'error'})` });
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    issues.push({ file, path: '', message: `not valid JSON: ${(err as Error).message}` });
    return undefined;
  }
}

/**
 * Reads a jurisdiction folder's files (Node only). Throws a ConfigError naming the file that is
 * missing or not JSON; the contents are validated by `parseJurisdictionSource`.
 */
export function readJurisdictionFolder(folder: string): JurisdictionSource {
  const n = node();
  if (!n) throw new Error('reading a jurisdiction folder needs Node');
  const abs = n.path.resolve(n.cwd, folder);
  const issues: ConfigIssue[] = [];
  const jurisdiction = readJson(n, abs, JURISDICTION_FILE, issues);
  const catalog = readJson(n, abs, CATALOG_FILE, issues);
  const areasFile = (jurisdiction as { areas?: { file?: unknown } } | undefined)?.areas?.file;
  const source: JurisdictionSource = { folder: abs, jurisdiction, catalog };
  if (typeof areasFile === 'string' && areasFile) {
    const data = readJson(n, abs, areasFile, issues);
    source.areas = { file: areasFile, data };
  }
  if (issues.length) throw new ConfigError(abs, issues);
  return source;
}

let cached: JurisdictionSource | undefined;

/** The chosen jurisdiction folder's raw files: bundled data when present, else read once from disk. */
export function jurisdictionSource(): JurisdictionSource {
  if (!cached) {
    cached =
      typeof __CIVICBOARD_JURISDICTION__ !== 'undefined' ? __CIVICBOARD_JURISDICTION__ : readJurisdictionFolder(chosenJurisdictionFolder());
  }
  return cached;
}
