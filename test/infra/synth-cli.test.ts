import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.js';
import { ROOT } from '../../infra/local/stack.js';

const home = mkdtempSync(join(tmpdir(), 'civicboard-nohome-'));
const out = mkdtempSync(join(tmpdir(), 'civicboard-cdkout-'));
afterAll(() => {
  rmSync(home, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('npm run synth', () => {
  it('synthesizes the whole board with real esbuild bundles and no AWS credentials or config', () => {
    // No AWS_* variables and an empty HOME: no credentials, no ~/.aws/config, no profile.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && !k.startsWith('CDK_')));
    const result = spawnSync('npm', ['run', 'synth', '--', '--output', out], {
      cwd: ROOT,
      env: { ...env, HOME: home, CI: 'true' },
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    const template = JSON.parse(readFileSync(join(out, 'Civicboard.template.json'), 'utf8'));
    const routes = Object.values(template.Resources as Record<string, { Type: string }>).filter(
      (r) => r.Type === 'AWS::ApiGatewayV2::Route',
    );
    expect(routes).toHaveLength(ROUTES.length);
    // Every function asset is a real minified ESM bundle with its source map, not a placeholder.
    const bundles = readdirSync(out)
      .filter((d) => d.startsWith('asset.'))
      .map((d) => join(out, d, 'index.mjs'))
      .filter((f) => statSync(f, { throwIfNoEntry: false })?.isFile());
    // Routes sharing a handler module share one asset (same bundle, same hash); plus the two stream consumers
    // and the photo processor (whose asset also holds sharp installed for linux-arm64: docs/photos.md).
    expect(bundles.length).toBe(new Set(ROUTES.map((r) => r.handler)).size + 3);
    for (const bundle of bundles) {
      expect(statSync(`${bundle}.map`).size).toBeGreaterThan(0);
      expect(readFileSync(bundle, 'utf8')).toMatch(/export\s*\{[^}]*handler/);
    }
  }, 300_000);
});
