import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, tableName } from '../../functions/store/client.js';
import { enforceRouteGrants, withGrantsOf } from '../../infra/local/local-iam.js';
import { useTestTable } from '../support/api.js';

// The local stand-in for each function's IAM role (issue 21, defect 6): the integration suite runs every
// route under its row's `table` grant, so this checks that the stand-in refuses what the grant lacks.
beforeAll(() => {
  useTestTable();
  enforceRouteGrants(db());
});
const key = { PK: `LOCALIAM#${Date.now()}`, SK: 'X' };
const role = (table: string[]) => ({ method: 'TEST', path: '/local-iam', table: table as never });

describe('the local IAM stand-in', () => {
  it('lets a role make the calls its grant lists', async () => {
    await withGrantsOf(role(['PutItem', 'GetItem']), async () => {
      await db().send(new PutCommand({ TableName: tableName(), Item: { ...key, entity: 'test' } }));
      expect((await db().send(new GetCommand({ TableName: tableName(), Key: key }))).Item?.entity).toBe('test');
    });
  });

  it('refuses a call the grant lacks, as AWS would (AccessDeniedException), writing nothing', async () => {
    const other = { ...key, SK: 'Y' };
    const put = withGrantsOf(role(['GetItem', 'Query']), () => db().send(new PutCommand({ TableName: tableName(), Item: other })));
    await expect(put).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect((await db().send(new GetCommand({ TableName: tableName(), Key: other }))).Item).toBeUndefined();
  });

  it('checks each item of a transaction against its own action', async () => {
    const tx = new TransactWriteCommand({
      TransactItems: [{ Put: { TableName: tableName(), Item: { ...key, SK: 'Z' } } }, { Delete: { TableName: tableName(), Key: key } }],
    });
    await expect(withGrantsOf(role(['PutItem']), () => db().send(tx))).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('leaves calls outside any route (tests, scripts) alone', async () => {
    expect((await db().send(new GetCommand({ TableName: tableName(), Key: key }))).Item).toBeDefined();
  });
});
