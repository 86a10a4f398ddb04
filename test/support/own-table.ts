import { inject } from 'vitest';
import { ensureTable, localDynamo } from '../../infra/local/table.js';
import { useTestTable } from './api.js';

/**
 * Points this worker's store at a table of its own on the suite's DynamoDB Local (created from the
 * same definition): an import of another jurisdiction's data must not leak into the tables other
 * tests read. No stream consumer runs on it: what a test asserts about counters must be written by
 * the code under test itself.
 */
export async function useOwnTable(name: string): Promise<void> {
  useTestTable();
  await ensureTable(localDynamo(inject('dynamoEndpoint')), name);
  process.env.TABLE_NAME = name;
}
