import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type LocalStackOptions, startLocalStack } from '../../infra/local/stack.js';
import { freePort } from '../support/ports.js';

const dataDir = mkdtempSync(join(tmpdir(), 'civicboard-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the local stack keeps its data across a restart', () => {
  it('an item created before a stop is still there after a start', async () => {
    const options: LocalStackOptions = {
      dataDir,
      port: await freePort(),
      dynamoPort: await freePort(),
      cognitoPort: await freePort(),
      sesPort: await freePort(),
      seedCount: 3,
    };
    let stack = await startLocalStack(options);
    const res0 = await fetch(`${stack.urls.api}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceCode: 'pothole', description: 'Survives restarts', location: { lat: 51.45, lng: -2.59 } }),
    });
    const created = (await res0.json()) as { id: string };
    const poolBefore = stack.cognito.userPoolId;
    await stack.stop();
    expect(res0.status).toBe(201);

    stack = await startLocalStack(options);
    try {
      const res = await fetch(`${stack.urls.api}/reports/${created.id}`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { description: string }).description).toBe('Survives restarts');
      expect(stack.cognito.userPoolId).toBe(poolBefore);
      const waiting = (await fetch(`${stack.urls.api}/reports?limit=1000`).then((r) => r.json())) as { items: unknown[] };
      // 3 seeded on first start only, plus the one created: a restart neither loses nor re-seeds.
      expect(waiting.items).toHaveLength(4);
    } finally {
      await stack.stop();
    }
  }, 120_000);
});
