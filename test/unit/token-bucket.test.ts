import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../functions/lib/token-bucket.js';

/** A bucket on a fake clock: sleeping moves the clock, so the test measures the schedule, not real time. */
function fakeBucket(rate: number, burst?: number) {
  let now = 0;
  const bucket = new TokenBucket(
    rate,
    burst,
    () => now,
    async (ms) => {
      now += ms;
    },
  );
  return { bucket, now: () => now };
}

describe('the token bucket that keeps alert emails at the SES rate', () => {
  it('hands out a burst at once, then one token every 1/rate seconds', async () => {
    const { bucket, now } = fakeBucket(10);
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      await bucket.take();
      times.push(now());
    }
    expect(times.slice(0, 10).every((t) => t === 0)).toBe(true);
    // 20 more at 10 a second: 2 s of fake time.
    expect(times[29]).toBeGreaterThanOrEqual(1990);
    expect(times[29]).toBeLessThanOrEqual(2100);
  });

  it('never exceeds the rate over any window once the burst is spent', async () => {
    const { bucket, now } = fakeBucket(14);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      await bucket.take();
      times.push(now());
    }
    // 14 tokens after the burst's last one take a full second: never 15 sends in a second after the burst.
    for (let i = 13; i + 14 < times.length; i++) expect((times[i + 14] as number) - (times[i] as number)).toBeGreaterThanOrEqual(999);
    expect(times.slice(0, 14).every((t) => t === 0)).toBe(true); // positive control: the burst
  });

  it('a slow rate (an SES sandbox: 1 a second) still sends', async () => {
    const { bucket, now } = fakeBucket(1);
    for (let i = 0; i < 3; i++) await bucket.take();
    expect(now()).toBeGreaterThanOrEqual(2000);
  });
});
