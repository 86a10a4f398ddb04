import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, tableName } from '../../functions/store/client.js';
import { limitKey } from '../../functions/store/keys/limits.js';
import { take } from '../../functions/store/limits.js';
import { useTestTable } from '../support/api.js';

beforeAll(() => useTestTable());

const window = { limit: 5, seconds: 600 };
const subject = () => `test-${randomUUID()}`;

describe('the limit counter in the table', () => {
  it('admits exactly the limit when many requests arrive at once', async () => {
    const who = subject();
    const now = Date.now();
    const results = await Promise.all(Array.from({ length: 20 }, () => take('test', [window], who, now)));
    expect(results.filter((r) => r === undefined)).toHaveLength(window.limit);
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: limitKey('test', 600, who), ConsistentRead: true }));
    expect(Item?.hits).toBe(window.limit);
  });

  it('refuses with the time left in the window, which opened at the first request', async () => {
    const who = subject();
    const start = Date.now();
    for (let i = 0; i < window.limit; i++) expect(await take('test', [window], who, start)).toBeUndefined();
    const refusal = await take('test', [window], who, start + 100_000);
    expect(refusal).toEqual({ window, retryAfterSeconds: 500 });
  });

  it('opens a new window once the old one has ended, though TTL has not removed its record', async () => {
    const who = subject();
    const start = Date.now();
    for (let i = 0; i < window.limit; i++) await take('test', [window], who, start);
    expect(await take('test', [window], who, start + window.seconds * 1000 - 1)).toBeDefined();
    expect(await take('test', [window], who, start + window.seconds * 1000)).toBeUndefined();
  });

  it('a request refused by the short window is not counted in the long one', async () => {
    const who = subject();
    const now = Date.now();
    const windows = [
      { limit: 2, seconds: 60 },
      { limit: 3, seconds: 3600 },
    ];
    expect(await take('test', windows, who, now)).toBeUndefined();
    expect(await take('test', windows, who, now)).toBeUndefined();
    expect((await take('test', windows, who, now))?.window.seconds).toBe(60);
    // A minute later the short window has room again, and the long one has counted only two.
    expect(await take('test', windows, who, now + 60_000)).toBeUndefined();
    expect((await take('test', windows, who, now + 61_000))?.window.seconds).toBe(3600);
  });
});
