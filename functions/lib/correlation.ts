import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * A correlation id follows one citizen's or officer's action from the API request through the stream to
 * the emails it causes: the request's log line, the notification record the commit writes, the
 * notifier's log lines, the delivery record and the SES message tag all carry the same id, so one search
 * in CloudWatch Logs Insights (`filter correlationId = "…"`) shows the whole path (docs/runbook.md).
 *
 * Kept per async call chain (AsyncLocalStorage), not per process: the local server answers many
 * requests at once in one process, and a Lambda container may serve a stream batch of many records.
 */
const current = new AsyncLocalStorage<string>();

/** The header a caller may send to choose the id (a retry can reuse it) and the API answers with. */
export const CORRELATION_HEADER = 'x-correlation-id';

/** Letters, digits, `_` and `-`: what an SES message tag accepts, and safe in any log query. */
const SAFE = /^[A-Za-z0-9_-]{8,64}$/;

/** The id for a request: the caller's if well formed, else the API Gateway request id made safe, else a new one. */
export function correlationFor(given: string | undefined, requestId: string | undefined): string {
  if (given && SAFE.test(given)) return given;
  const fromRequest = requestId?.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64);
  return fromRequest && fromRequest.length >= 8 ? fromRequest : randomUUID();
}

/** The id of the action being handled, or undefined outside one. */
export const correlationId = (): string | undefined => current.getStore();

/** Runs `fn` (and everything it awaits) under `id`; without an id, as it is. */
export function withCorrelation<T>(id: string | undefined, fn: () => T): T {
  return id && SAFE.test(id) ? current.run(id, fn) : fn();
}

/** `{ correlationId }` for a record written under an id, `{}` otherwise: spread into a record. */
export const correlated = (): { correlationId?: string } => {
  const id = correlationId();
  return id ? { correlationId: id } : {};
};
