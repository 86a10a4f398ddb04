import { afterEach, describe, expect, it, vi } from 'vitest';
import { correlated, correlationFor, correlationId, withCorrelation } from '../../functions/lib/correlation.js';
import { logger } from '../../functions/lib/logger.js';
import { correlationOf } from '../../functions/ses-events/events.js';

/** The JSON log lines written while `fn` runs. */
async function linesOf(fn: () => Promise<void> | void): Promise<Record<string, unknown>[]> {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return out.flatMap((l) => l.split('\n').filter(Boolean)).map((l) => JSON.parse(l));
}

describe('correlation ids', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps each concurrent action its own id through awaits, and none outside', async () => {
    const seen: (string | undefined)[] = [];
    await Promise.all(
      ['aaaaaaaa-1', 'bbbbbbbb-2'].map((id) =>
        withCorrelation(id, async () => {
          await new Promise((r) => setTimeout(r, 5));
          seen.push(`${id}=${correlationId()}`);
        }),
      ),
    );
    expect(seen.sort()).toEqual(['aaaaaaaa-1=aaaaaaaa-1', 'bbbbbbbb-2=bbbbbbbb-2']);
    expect(correlationId()).toBeUndefined();
    expect(correlated()).toEqual({});
    expect(withCorrelation('cccccccc-3', correlated)).toEqual({ correlationId: 'cccccccc-3' });
  });

  it("takes a caller's well-formed id, else the request id made safe, else a new one", () => {
    expect(correlationFor('caller-id-123', 'req')).toBe('caller-id-123');
    expect(correlationFor('has space in it', 'Abc123xyz=')).toBe('Abc123xyz-');
    expect(correlationFor(undefined, undefined)).toMatch(/^[0-9a-f-]{36}$/);
    expect(correlationFor('x'.repeat(65), undefined)).not.toBe('x'.repeat(65));
  });

  it('puts the id on every log line written under it, and on none written outside', async () => {
    process.env.LOG_LEVEL = 'info';
    const lines = await linesOf(async () => {
      logger.info('outside');
      await withCorrelation('dddddddd-4', async () => logger.info('inside', { n: 1 }));
    });
    const byMessage = Object.fromEntries(lines.map((l) => [l.message, l]));
    expect(byMessage.inside).toMatchObject({ correlationId: 'dddddddd-4', n: 1 });
    expect(byMessage.outside).toBeDefined();
    expect(byMessage.outside?.correlationId).toBeUndefined();
  });

  it("reads the id back from an SES bounce event's message tags, and nothing from an untagged one", () => {
    const event = (tags?: Record<string, string[]>) =>
      JSON.stringify({
        eventType: 'Bounce',
        mail: { messageId: 'm1', ...(tags && { tags }) },
        bounce: { bounceType: 'Permanent', bouncedRecipients: [] },
      });
    expect(correlationOf(event({ correlationId: ['eeeeeeee-5'], 'ses:configuration-set': ['board'] }))).toBe('eeeeeeee-5');
    expect(correlationOf(event())).toBeUndefined();
    expect(correlationOf('not json')).toBeUndefined();
  });
});
