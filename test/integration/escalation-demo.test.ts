import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { db, tableName } from '../../functions/store/client.js';
import { startLocalStack } from '../../infra/local/stack.js';
import type { ItemSla } from '../../shared/sla/index.js';
import { ago, drain, fileReport, setSla, TEAM } from '../support/escalation.js';
import { type Mail, mailWith } from '../support/mailbox.js';
import { freePort } from '../support/ports.js';

/**
 * A demo start of its own, in a file of its own: the local stack configures the handlers of this worker
 * through process.env and module state, so it must not share a worker with another stack's start.
 */
describe('SLA escalation on a fresh demo', () => {
  it('a fresh demo start emails nobody about the seeded reports, while a new overdue report still escalates', async () => {
    const demoDir = mkdtempSync(join(tmpdir(), 'civicboard-escalation-demo-'));
    const stack = await startLocalStack({
      dataDir: demoDir,
      port: await freePort(),
      dynamoPort: await freePort(),
      cognitoPort: await freePort(),
      sesPort: await freePort(),
      seedCount: 300,
      escalationEveryMs: 200,
    });
    try {
      // The seed has reports already overdue or at risk (so the test means something), each marked as
      // escalated to the level it had reached when the demo started.
      const now = new Date().toISOString();
      const overdue = await db().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'due',
          KeyConditionExpression: 'duePK = :pk AND dueSK < :now',
          ExpressionAttributeValues: { ':pk': 'report', ':now': now },
        }),
      );
      const seeded = (overdue.Items ?? []) as { sla?: ItemSla }[];
      expect(seeded.length).toBeGreaterThan(10);
      expect(seeded.every((i) => i.sla?.escalated === 'breached')).toBe(true);

      // The positive control: a report filed now and overdue is escalated by the job...
      const fresh = await fileReport(stack);
      await setSla(fresh.id, { resolutionAtRiskAt: ago(60), resolutionDueAt: ago(1) });
      await mailWith(TEAM, `Overdue: ${fresh.reference}`, { mailboxUrl: stack.urls.mailbox });
      await drain(stack, fresh.id);
      // ...and the runs that sent it passed the seeded entries first (the index is in due order, theirs
      // are older): every escalation email sent is about the new report.
      const res = await fetch(`${stack.urls.mailbox}/store`);
      const { emails } = (await res.json()) as { emails: Mail[] };
      const escalations = emails.filter((m) => /^(At risk|Overdue): /.test(m.subject)).map((m) => m.subject);
      expect(escalations.length).toBeGreaterThan(0);
      expect([...new Set(escalations)]).toEqual([`Overdue: ${fresh.reference}`]);
    } finally {
      await stack.stop();
      rmSync(demoDir, { recursive: true, force: true });
    }
  }, 240_000);
});
