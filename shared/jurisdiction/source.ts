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
  /**
   * The board's message catalogs (`shared/i18n/messages/<lang>/<namespace>.json`), per language and
   * namespace. Bundles carry only the jurisdiction's languages and the namespaces their code uses.
   */
  messages?: Record<string, Record<string, unknown>>;
  /** The folder's own translations (`i18n/<lang>.json`: service names, state labels…), per language. */
  translations?: Record<string, unknown>;
}

/** The namespaces of the board's message catalogs: one file each per language. */
export const MESSAGE_NAMESPACES = ['common', 'site', 'public', 'staff', 'email', 'api'] as const;
export type MessageNamespace = (typeof MESSAGE_NAMESPACES)[number];
/** The folder, inside a jurisdiction folder, of its translations. */
export const TRANSLATIONS_DIR = 'i18n';

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
  fs: {
    readFileSync(path: string, enc: 'utf8'): string;
    existsSync(path: string): boolean;
    readdirSync(path: string, options: { withFileTypes: true }): { name: string; isDirectory(): boolean }[];
  };
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

/** The board's message catalogs folder (`shared/i18n/messages`): one folder per language. */
export function messagesFolder(): string {
  const n = node();
  if (!n) throw new Error('no messages were bundled, and there is no file system to read them from');
  return n.path.resolve((import.meta as { dirname?: string }).dirname ?? n.cwd, '..', 'i18n', 'messages');
}

/** Every language's catalogs from the messages folder (Node only); a missing namespace file is `{}`. */
export function readMessages(issues: ConfigIssue[] = []): Record<string, Record<string, unknown>> {
  const n = node();
  if (!n) throw new Error('reading message catalogs needs Node');
  const root = messagesFolder();
  const messages: Record<string, Record<string, unknown>> = {};
  for (const entry of n.fs.readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const lang = entry.name;
    messages[lang] = {};
    for (const ns of MESSAGE_NAMESPACES) {
      const file = n.path.resolve(root, lang, `${ns}.json`);
      if (n.fs.existsSync(file)) (messages[lang] as Record<string, unknown>)[ns] = readJson(n, root, `${lang}/${ns}.json`, issues);
    }
  }
  return messages;
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
  source.messages = readMessages(issues);
  const translations = n.path.resolve(abs, TRANSLATIONS_DIR);
  if (n.fs.existsSync(translations)) {
    source.translations = {};
    for (const entry of n.fs.readdirSync(translations, { withFileTypes: true })) {
      const m = /^([a-z]{2,3}(?:-[A-Za-z0-9]+)*)\.json$/.exec(entry.name);
      if (!entry.isDirectory() && m) source.translations[m[1] as string] = readJson(n, abs, `${TRANSLATIONS_DIR}/${entry.name}`, issues);
    }
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
