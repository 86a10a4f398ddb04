import { createHash } from 'node:crypto';
import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { CommitteePages, MemberPages } from '../../shared/bills/legiscan-people.js';
import { type Committee, chunks, type Member } from '../../shared/bills/people.js';
import { batchPut } from './bulk.js';
import { bulkDb, db, tableName } from './client.js';
import { chunkKey, type PeopleKind, type PeopleList, profileKey } from './keys/bills.js';

/** Every record of one member or committee: its profile (with a hash of the whole) and its chunks. */
function peopleRecords(kind: PeopleKind, id: string, profile: object, lists: Partial<Record<PeopleList, unknown[]>>) {
  const hash = createHash('sha256').update(JSON.stringify({ profile, lists })).digest('hex').slice(0, 32);
  const records: Record<string, unknown>[] = [{ ...profileKey(kind, id), entity: kind, ...profile, hash }];
  for (const [list, entries] of Object.entries(lists) as [PeopleList, unknown[]][]) {
    chunks(entries).forEach((chunk, page) => {
      records.push({ ...chunkKey(kind, id, list, page), entity: `${kind}-list`, entries: chunk });
    });
  }
  return { hash, records };
}

/** The stored hash of each profile that exists (BatchGetItem, 100 keys a call). */
async function storedHashes(keys: { PK: string; SK: string }[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 100) {
    let batch: Record<string, unknown>[] | undefined = keys.slice(i, i + 100);
    while (batch?.length) {
      const out = await bulkDb().send(
        new BatchGetCommand({
          RequestItems: { [tableName()]: { Keys: batch, ProjectionExpression: 'PK, #h', ExpressionAttributeNames: { '#h': 'hash' } } },
        }),
      );
      for (const r of out.Responses?.[tableName()] ?? []) found.add(`${r.PK}|${r.hash}`);
      batch = out.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return found;
}

/**
 * Writes the members and committees of an import. Idempotent and cheap to repeat: a member or committee
 * whose records hash as stored is skipped, so a re-import writes nothing. Chunks are written before the
 * profile that counts them. Records of people dropped from a later export stay (they are public records
 * of a past session, not personal data the board collects).
 */
export async function writePeople(people: {
  members: MemberPages[];
  committees: CommitteePages[];
}): Promise<{ written: number; unchanged: number }> {
  const all = [
    ...people.members.map((m) => ({
      kind: 'member' as const,
      id: m.member.id,
      ...peopleRecords('member', m.member.id, m.member, { BILLS: m.bills, VOTES: m.votes }),
    })),
    ...people.committees.map((c) => ({
      kind: 'committee' as const,
      id: c.committee.key,
      ...peopleRecords('committee', c.committee.key, c.committee, { BILLS: c.bills, HEARINGS: c.hearings }),
    })),
  ];
  const stored = await storedHashes(all.map((p) => profileKey(p.kind, p.id)));
  const changed = all.filter((p) => !stored.has(`${profileKey(p.kind, p.id).PK}|${p.hash}`));
  await batchPut(
    changed.flatMap((p) => p.records.slice(1)),
    16,
  );
  await batchPut(
    changed.map((p) => p.records[0] as Record<string, unknown>),
    16,
  );
  return { written: changed.length, unchanged: all.length - changed.length };
}

const strip = <T>(r: Record<string, unknown> | undefined): T | undefined => {
  if (!r) return undefined;
  const { PK: _pk, SK: _sk, entity: _e, hash: _h, ...rest } = r;
  return rest as T;
};

/** A member's or committee's profile, or undefined. */
export async function getProfile<T extends Member | Committee>(kind: PeopleKind, id: string): Promise<T | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: profileKey(kind, id) }));
  return strip<T>(Item);
}

/** One chunk of a member's or committee's list (empty past the end). */
export async function getChunk<T>(kind: PeopleKind, id: string, list: PeopleList, page: number): Promise<T[]> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: chunkKey(kind, id, list, page) }));
  return (Item?.entries as T[] | undefined) ?? [];
}
