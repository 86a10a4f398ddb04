import type { TableAction } from '../routes.js';

/**
 * The photo processor's DynamoDB grant: it reads an upload (GetItem) and records the verdict
 * (UpdateItem). Enforced locally too (infra/local/s3.ts runs it under these grants).
 */
export const PHOTO_PROCESSOR_TABLE_ACTIONS: readonly TableAction[] = ['GetItem', 'UpdateItem'];
