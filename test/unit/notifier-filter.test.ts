import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { matchesFilter, NOTIFIER_FILTER } from '../../functions/notify/filter.js';
import { eventNotificationRecord, followRequestNotificationRecord, subscriptionRecord } from '../../functions/store/keys/subscriptions.js';
import { notificationOf } from '../../functions/store/notifications.js';
import type { Item } from '../../shared/items.js';

const item = { id: 'r1', version: 2 } as Item;
const at = '2026-11-01T10:00:00.000Z';
// biome-ignore lint/suspicious/noExplicitAny: the Lambda and SDK AttributeValue types differ only nominally
const image = (r: Record<string, unknown>) => marshall(r, { removeUndefinedValues: true }) as any;
const record = (eventName: DynamoDBRecord['eventName'], newRecord?: Record<string, unknown>, oldRecord?: Record<string, unknown>) =>
  ({
    eventName,
    dynamodb: { NewImage: newRecord && image(newRecord), OldImage: oldRecord && image(oldRecord), SequenceNumber: '1' },
  }) as DynamoDBRecord;

const notification = eventNotificationRecord(item, 'item.updated', { id: 'e1', at });
const cases: [string, DynamoDBRecord, boolean][] = [
  ['an item.updated notification inserted', record('INSERT', notification), true],
  ['a follow-request notification inserted', record('INSERT', followRequestNotificationRecord('r1', 'a@example.org', 'q1', at)), true],
  ['the same notification expiring (TTL delete)', record('REMOVE', undefined, notification), false],
  ['a notification modified', record('MODIFY', notification, notification), false],
  ['a delivery record the notifier writes', record('INSERT', { PK: 'ITEM#r1', SK: 'DELIVERY#x', entity: 'delivery' }), false],
  ['a subscription', record('INSERT', subscriptionRecord({ itemId: 'r1', email: 'a@example.org' })), false],
  ['an item', record('INSERT', { PK: 'ITEM#r1', SK: 'ITEM', entity: 'item' }), false],
];

describe('the notifier filter criteria (issue 21, defect 7)', () => {
  it.each(cases)('%s → invokes the notifier: %s', (_name, r, expected) => {
    expect(matchesFilter(NOTIFIER_FILTER, r)).toBe(expected);
  });

  it('lets through exactly the records the notifier acts on', () => {
    for (const [name, r] of cases) expect(matchesFilter(NOTIFIER_FILTER, r), name).toBe(notificationOf(r) !== undefined);
  });
});
