import { describe, expect, it } from 'vitest';
import { problemResponse, toProblem } from '../../functions/lib/problem.js';
import { TooManyRequestsError } from '../../shared/errors.js';
import { clientNetwork, DEFAULT_LIMITS, describeWait, mailboxOf, refusalDetail } from '../../shared/limits.js';

describe('who a request is counted against', () => {
  it('an IPv4 client is its address, also when it arrives IPv4-mapped', () => {
    expect(clientNetwork('203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetwork('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('an IPv6 client is its /64, however the address is written', () => {
    expect(clientNetwork('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('2001:0DB8:0001:0002::1')).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
  });

  it('sub-addresses, case and Gmail dots reach one mailbox, so they share one count', () => {
    expect(mailboxOf(' Victim+1@Example.org ')).toBe('victim@example.org');
    expect(mailboxOf('v.ic.tim+x@gmail.com')).toBe('victim@gmail.com');
    expect(mailboxOf('first.last@example.org')).toBe('first.last@example.org');
  });
});

describe('the defaults', () => {
  it('limit every public write per client with a short and a daily window, and email per address', () => {
    for (const windows of [...Object.values(DEFAULT_LIMITS.perClient), DEFAULT_LIMITS.mailPerAddress]) {
      expect(windows.map((w) => w.seconds)).toContain(24 * 3600);
      expect(windows.length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('a 429', () => {
  const now = new Date('2025-03-01T09:00:00Z');

  it('says in words what the limit is and when to retry', () => {
    expect(refusalDetail('report', { limit: 10, seconds: 600 }, 420, now)).toBe(
      'Too many reports from your network: we accept at most 10 every 10 minutes. Try again in 7 minutes (after 2025-03-01 09:07 UTC).',
    );
    expect(refusalDetail('follow', { limit: 100, seconds: 86_400 }, 5 * 3600, now)).toContain('at most 100 a day. Try again in 5 hours');
  });

  it('rounds waits up to the unit a person reads', () => {
    expect(describeWait(0.2)).toBe('1 second');
    expect(describeWait(61)).toBe('61 seconds');
    expect(describeWait(91)).toBe('2 minutes');
    expect(describeWait(3 * 3600)).toBe('3 hours');
  });

  it('is problem+json with Retry-After in seconds', () => {
    const err = new TooManyRequestsError(42, 'Too many reports from your network. Try again in 42 seconds.');
    const res = problemResponse(toProblem(err), err);
    expect(res.statusCode).toBe(429);
    expect(res.headers).toMatchObject({ 'content-type': 'application/problem+json', 'retry-after': '42' });
    expect(JSON.parse(res.body as string)).toMatchObject({ type: '/problems/too-many-requests', status: 429, detail: err.message });
  });
});
