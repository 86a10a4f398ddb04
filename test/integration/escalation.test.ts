import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findItem } from '../../functions/store/items.js';
import { type LocalStackOptions, startLocalStack } from '../../infra/local/stack.js';
import type { ItemSla } from '../../shared/sla/index.js';
import { about, ago, ahead, drain, escalationEvents, fileReport, setSla, TEAM } from '../support/escalation.js';
import { mailTo, mailWith } from '../support/mailbox.js';
import { freePort } from '../support/ports.js';

const dataDir = mkdtempSync(join(tmpdir(), 'civicboard-escalation-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
/**
 * One DynamoDB Local port for every stack this file starts, one after another: the store client this
 * worker uses to set up and read items is made once, for the first stack's endpoint.
 */
let dynamoPort: number | undefined;
const sharedDynamoPort = async () => {
  dynamoPort ??= await freePort();
  return dynamoPort;
};

describe('SLA escalation', () => {
  it('emails the team once per level, across a restart of the local stack', async () => {
    const options: LocalStackOptions = {
      dataDir,
      port: await freePort(),
      dynamoPort: await sharedDynamoPort(),
      cognitoPort: await freePort(),
      sesPort: await freePort(),
      seedCount: 0,
      escalationEveryMs: 200,
    };
    let stack = await startLocalStack(options);
    let a: { id: string; reference: string };
    let atRisk: ItemSla;
    try {
      a = await fileReport(stack);
      atRisk = { resolutionAtRiskAt: ago(30), resolutionDueAt: ahead(60) };
      await setSla(a.id, atRisk);
      await mailWith(TEAM, `At risk: ${a.reference}`, { mailboxUrl: stack.urls.mailbox });
      await drain(stack, a.id);
      expect(about(await mailTo(TEAM, stack.urls.mailbox), `At risk: ${a.reference}`)).toHaveLength(1);
      expect((await findItem(a.id, true))?.sla?.escalated).toBe('at_risk');
    } finally {
      await stack.stop();
    }

    stack = await startLocalStack(options);
    try {
      // As if a write from an older read had lost the mark: the item looks never escalated again.
      await setSla(a.id, atRisk);
      // The control: another report at risk, later in the index, emailed in the same run or a later one.
      const b = await fileReport(stack);
      await setSla(b.id, { resolutionAtRiskAt: ago(10), resolutionDueAt: ahead(60) });
      await mailWith(TEAM, `At risk: ${b.reference}`, { mailboxUrl: stack.urls.mailbox });
      await drain(stack, a.id);
      expect(about(await mailTo(TEAM, stack.urls.mailbox), `At risk: ${a.reference}`)).toHaveLength(0);
      expect(await escalationEvents(a.id)).toEqual(['at_risk:internal']);
      expect((await findItem(a.id, true))?.sla?.escalated).toBe('at_risk');

      // Then it is breached: one more email, one more event, for the next level.
      await setSla(a.id, { ...atRisk, resolutionDueAt: ago(1), escalated: 'at_risk' });
      await mailWith(TEAM, `Overdue: ${a.reference}`, { mailboxUrl: stack.urls.mailbox });
      await drain(stack, a.id);
      expect(about(await mailTo(TEAM, stack.urls.mailbox), `Overdue: ${a.reference}`)).toHaveLength(1);
      expect(await escalationEvents(a.id)).toEqual(['at_risk:internal', 'breached:internal']);
      // The public never sees the escalation.
      const pub = (await (await fetch(`${stack.urls.api}/reports/${a.id}`)).json()) as {
        history: { type: string }[];
        sla: { state: string };
      };
      expect(pub.sla.state).toBe('breached');
      expect(pub.history.map((e) => e.type)).toEqual(['created']);
    } finally {
      await stack.stop();
    }
  }, 180_000);
});
