/**
 * Keys of the queue counters (see store/queue-counts.ts for what they count):
 *
 *   QCOUNT#<service> T#<rank> | M#<rank>#<yyyy-mm> | D#<rank>#<yyyy-mm-dd>   n
 *   META#QCOUNT #META                                                       counters built
 *   META#SEED   #META                                                       demo data loaded
 */
export const counterPK = (serviceCode: string) => `QCOUNT#${serviceCode}`;
export const totalSK = (rank: number) => `T#${rank}`;
export const monthSK = (rank: number, month = '') => `M#${rank}#${month}`;
export const daySK = (rank: number, day = '') => `D#${rank}#${day}`;

export function counterRecord(serviceCode: string, sk: string, n: number): Record<string, unknown> {
  return { PK: counterPK(serviceCode), SK: sk, entity: 'queue-count', n };
}

export const COUNTERS_READY_KEY = { PK: 'META#QCOUNT', SK: '#META' };
export const SEEDED_KEY = { PK: 'META#SEED', SK: '#META' };
