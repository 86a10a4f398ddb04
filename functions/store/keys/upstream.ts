/**
 * Keys of the connector's records: one per report forwarded to a back-office Open311 endpoint, in its
 * service's partition, so a sync reads the service's forwarded reports with one Query.
 *
 *   UPSTREAM#<serviceCode>  <itemId>   {itemId, upstreamId, status, syncedAt}
 */
export const upstreamPK = (serviceCode: string) => `UPSTREAM#${serviceCode}`;
export const upstreamKey = (serviceCode: string, itemId: string) => ({ PK: upstreamPK(serviceCode), SK: itemId });
