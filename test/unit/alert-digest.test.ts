import { describe, expect, it } from 'vitest';
import { type DigestLine, dailyDigest, digestDay, digestWindow, dueDigestDay, strongestChange } from '../../shared/alerts/digest.js';

const line = (reference: string, change: DigestLine['change'], title = `Title of ${reference}`): DigestLine => ({
  reference,
  title,
  serviceName: 'Pothole',
  statusLabel: change === 'finished' ? 'Fixed' : 'Open',
  trackUrl: `https://board.example.org/track/?id=${reference}`,
  change,
});

describe('which morning an event is in (digest of day D covers D-1 07:00 to D 07:00 local)', () => {
  it.each([
    // London in winter (UTC+0) and summer (UTC+1)
    ['2026-01-15T06:59:59Z', 'Europe/London', '2026-01-15'],
    ['2026-01-15T07:00:00Z', 'Europe/London', '2026-01-16'],
    ['2026-07-15T05:59:59Z', 'Europe/London', '2026-07-15'],
    ['2026-07-15T06:00:00Z', 'Europe/London', '2026-07-16'],
    // The spring-forward day (29 March 2026, 01:00 UTC): 07:00 BST is 06:00 UTC
    ['2026-03-29T05:59:00Z', 'Europe/London', '2026-03-29'],
    ['2026-03-29T06:00:00Z', 'Europe/London', '2026-03-30'],
    // The fall-back day (25 October 2026): 07:00 GMT is 07:00 UTC, a 25-hour window
    ['2026-10-25T06:30:00Z', 'Europe/London', '2026-10-25'],
    ['2026-10-25T07:00:00Z', 'Europe/London', '2026-10-26'],
    // New York (UTC-5 / UTC-4), across the UTC date line: 23:30 local is the next UTC day
    ['2026-11-03T04:30:00Z', 'America/New_York', '2026-11-03'],
    ['2026-11-03T11:59:00Z', 'America/New_York', '2026-11-03'],
    ['2026-11-03T12:00:00Z', 'America/New_York', '2026-11-04'],
    ['2026-03-08T10:59:00Z', 'America/New_York', '2026-03-08'],
    ['2026-03-08T11:00:00Z', 'America/New_York', '2026-03-09'],
  ])('an event at %s in %s goes to the digest of %s', (at, zone, day) => {
    expect(digestDay(at, zone)).toBe(day);
  });

  it('a digest window ends at 07:00 local and is 23 or 25 hours long on daylight-saving days', () => {
    const hours = (w: { from: string; to: string }) => (Date.parse(w.to) - Date.parse(w.from)) / 3_600_000;
    // The clocks go forward at 01:00 UTC on 29 March: that morning's digest covers 23 hours.
    expect(digestWindow('2026-03-29', 'Europe/London')).toEqual({ from: '2026-03-28T07:00:00.000Z', to: '2026-03-29T06:00:00.000Z' });
    expect(hours(digestWindow('2026-03-29', 'Europe/London'))).toBe(23);
    expect(hours(digestWindow('2026-03-30', 'Europe/London'))).toBe(24);
    expect(hours(digestWindow('2026-10-25', 'Europe/London'))).toBe(25);
    expect(hours(digestWindow('2026-06-10', 'Europe/London'))).toBe(24);
  });

  it('the digest is due from 07:00 local, not before', () => {
    expect(dueDigestDay(new Date('2026-07-01T05:59:00Z'), 'Europe/London')).toBeUndefined();
    expect(dueDigestDay(new Date('2026-07-01T06:00:00Z'), 'Europe/London')).toBe('2026-07-01');
    expect(dueDigestDay(new Date('2026-07-01T10:59:00Z'), 'America/New_York')).toBeUndefined();
    expect(dueDigestDay(new Date('2026-07-01T11:00:00Z'), 'America/New_York')).toBe('2026-07-01');
    // Every event is in a digest that is due after it: the window's end is the due time.
    const at = '2026-10-25T06:30:00Z';
    const day = digestDay(at, 'Europe/London');
    expect(Date.parse(digestWindow(day, 'Europe/London').to)).toBeGreaterThan(Date.parse(at));
  });
});

describe('the daily digest email', () => {
  const alerts = [
    {
      description: 'reports within 500 m of 51.45000, -2.59000',
      unsubscribeUrl: 'https://board.example.org/api/alerts/unsubscribe?token=t1',
    },
  ];
  const manage = 'https://board.example.org/alerts/?token=t1';

  it('groups new, updated and finished items, each with its status and link, in text and HTML', () => {
    const email = dailyDigest(
      'Demo Council',
      '2026-07-02',
      [line('RF-1', 'new'), line('RF-2', 'updated'), line('RF-3', 'finished')],
      alerts,
      manage,
    );
    expect(email.subject).toBe('Demo Council daily alert: 3 reports changed');
    for (const part of [email.text, email.html]) {
      expect(part.indexOf('New reports (1)')).toBeLessThan(part.indexOf('Updated (1)'));
      expect(part.indexOf('Updated (1)')).toBeLessThan(part.indexOf('Finished (1)'));
      expect(part).toContain('https://board.example.org/track/?id=RF-3');
      expect(part).toContain('Fixed');
      expect(part).toContain(manage);
      expect(part).toContain(alerts[0]!.unsubscribeUrl);
    }
    expect(email.text.indexOf('RF-1')).toBeLessThan(email.text.indexOf('New reports (1)') + 40);
  });

  it('leaves out a section with nothing in it', () => {
    const email = dailyDigest('Demo Council', '2026-07-02', [line('RF-9', 'finished')], alerts, manage);
    expect(email.text).not.toContain('New reports');
    expect(email.text).toContain('Finished (1)');
    expect(email.subject).toBe('Demo Council daily alert: 1 report changed');
  });

  it('renders a typed title as text, and reads at 320 px (viewport, no tables, no fixed widths, long words wrap)', () => {
    const email = dailyDigest('Demo Council', '2026-07-02', [line('RF-5', 'new', '<img src=x onerror=alert(1)>')], alerts, manage);
    expect(email.html).not.toContain('<img');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(email.text).toContain('<img src=x onerror=alert(1)>');
    expect(email.html).toContain('name="viewport" content="width=device-width');
    expect(email.html).not.toMatch(/<table|width="\d|width:\s*\d+px/);
    expect(email.html).toContain('overflow-wrap:anywhere');
  });

  it('an item keeps its strongest change of the day: finished over new over updated', () => {
    expect(strongestChange(['updated', 'new'])).toBe('new');
    expect(strongestChange(['new', 'updated', 'finished'])).toBe('finished');
    expect(strongestChange(['updated'])).toBe('updated');
  });
});
