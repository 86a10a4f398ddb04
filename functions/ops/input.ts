/**
 * A request's body, validated when called. Operations call it only after deciding who may act, so a
 * caller without rights gets 403 whatever they sent, and learns nothing about the schema.
 */
export type Deferred<T> = () => T;

/** A value already in hand, as a Deferred (for callers that validated it themselves). */
export const given =
  <T>(value: T): Deferred<T> =>
  () =>
    value;
