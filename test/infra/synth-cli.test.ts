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
  // No AWS_* variables and an empty HOME: no credentials, no ~/.aws/config, no profile.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && !k.startsWith('CDK_') && !k.startsWith('CIVICBOARD_')),
  );

  it('refuses to synthesize with an example sender, before building anything, saying what to set', () => {
    const result = spawnSync('npm', ['run', 'synth', '--', '-c', 'senderEmail=no-reply@example.org', '--output', `${out}-refused`], {
      cwd: ROOT,
      env: { ...env, HOME: home, CI: 'true' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('senderEmail "no-reply@example.org" is on example.org, a domain reserved for examples');
  }, 150_000);

  it('synthesizes both stacks with real esbuild bundles and no AWS credentials, given only a sender', () => {
    const result = spawnSync('npm', ['run', 'synth', '--', '-c', 'senderEmail=no-reply@board.democity.gov.uk', '--output', out], {
      cwd: ROOT,
      env: { ...env, HOME: home, CI: 'true' },
      encoding: 'utf8',
      // Bundling ~30 functions; on two cores shared with other test runs this has taken 4 minutes.
      timeout: 330_000,
    });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    const data = JSON.parse(readFileSync(join(out, 'Civicboard.template.json'), 'utf8'));
    expect(Object.values(data.Resources as Record<string, { Type: string }>).map((r) => r.Type)).toContain('AWS::DynamoDB::Table');
    const template = JSON.parse(readFileSync(join(out, 'Civicboard-Service.template.json'), 'utf8'));
    const routes = Object.values(template.Resources as Record<string, { Type: string }>).filter(
      (r) => r.Type === 'AWS::ApiGatewayV2::Route',
    );
    expect(routes).toHaveLength(ROUTES.length);
    // Every function asset is a real minified ESM bundle with its source map, not a placeholder.
    const bundles = readdirSync(out)
      .filter((d) => d.startsWith('asset.'))
      .map((d) => join(out, d, 'index.mjs'))
      .filter((f) => statSync(f, { throwIfNoEntry: false })?.isFile());
    // Routes sharing a handler module share one asset (same bundle, same hash); plus the notifier, the
    // queue counters and the statistics consumers, the SES events handler, the secret rotation, the photo
    // processor (docs/photos.md), the SLA escalation job (docs/sla.md) and the alert sender (docs/notifications.md).
    expect(bundles.length).toBe(new Set(ROUTES.map((r) => r.handler)).size + 8);
    for (const bundle of bundles) {
      expect(statSync(`${bundle}.map`).size).toBeGreaterThan(0);
      expect(readFileSync(bundle, 'utf8')).toMatch(/export\s*\{[^}]*handler/);
    }
  }, 360_000);
});
