import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { JURISDICTION_ID_ENV, jurisdictionInject } from '../../infra/cdk/jurisdiction-bundle.js';
import { BUNDLE } from '../../infra/cdk/lambda.js';
import { jurisdiction } from '../../shared/jurisdiction/index.js';
import { synthBoard } from './synth.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('the jurisdiction in AWS', () => {
  it('tells every function which jurisdiction its bundle was built with', () => {
    // biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation is untyped JSON
    type Cfn = Record<string, any>;
    const fns = Object.values(synthBoard().template.toJSON().Resources as Record<string, { Type: string; Properties: Cfn }>).filter(
      (r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Environment?.Variables?.NODE_OPTIONS === '--enable-source-maps',
    );
    expect(fns.length).toBeGreaterThan(10);
    for (const fn of fns) expect(fn.Properties.Environment.Variables[JURISDICTION_ID_ENV]).toBe(jurisdiction.id);
  });

  it("bundles the folder's data into the Lambda code: the bundle answers with it where no folder exists", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jur-bundle-'));
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      `import { jurisdiction } from '${ROOT}shared/jurisdiction/index.js';\nimport { listAreas } from '${ROOT}shared/areas/chosen.js';\nimport { listServices } from '${ROOT}shared/catalog/index.js';\n` +
        'console.log(JSON.stringify({ id: jurisdiction.id, areas: listAreas().length, services: listServices().length }));\n',
    );
    // The options NodejsFunction gets (infra/cdk/lambda.ts), inject included.
    await build({
      entryPoints: [entry],
      outfile: join(dir, 'out.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: BUNDLE.target,
      banner: { js: BUNDLE.banner },
      external: [...BUNDLE.externalModules],
      inject: [jurisdictionInject(ROOT)],
      logLevel: 'silent',
    });
    expect(readFileSync(join(dir, 'out.mjs'), 'utf8')).toContain(jurisdiction.name);
    const run = spawnSync(process.execPath, [join(dir, 'out.mjs')], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, CIVICBOARD_JURISDICTION: '/nonexistent/folder' },
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ id: 'demo-city', areas: 5, services: 7 });
  }, 60_000);
});
