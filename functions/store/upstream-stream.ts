import type { DynamoDBRecord } from 'aws-lambda';

/**
 * A new report in a stream record (an INSERT of an item record of kind report), or undefined. Read from
 * the raw image: only the id, kind and service are needed, and a record of any other entity is skipped.
 */
export function newReportOf(record: DynamoDBRecord): { itemId: string; serviceCode: string; sequenceNumber: string } | undefined {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || image?.entity?.S !== 'item' || image.kind?.S !== 'report') return undefined;
  const itemId = image.id?.S;
  const serviceCode = image.serviceCode?.S;
  if (!itemId || !serviceCode) return undefined;
  return { itemId, serviceCode, sequenceNumber: record.dynamodb?.SequenceNumber as string };
}
