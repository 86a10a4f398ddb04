import { describe, expect, it } from 'vitest';
import { toMime } from '../../shared/email/mime.js';
import { update } from '../../shared/email/templates.js';

const facts = {
  reference: 'RF-1234567',
  title: '<img src=x onerror=alert(1)>',
  serviceName: 'Pothole',
  statusLabel: 'Fixed',
  trackUrl: 'https://board.example/track/?id=RF-1234567',
};

describe('email content', () => {
  it('escapes user text in the HTML part and keeps it verbatim in the text part', () => {
    const email = update(facts, { kind: 'status', note: '<script>x</script>' }, 'https://board.example/u?token=t');
    expect(email.html).not.toContain('<img src=x');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(email.text).toContain('<script>x</script>');
  });

  it('carries the status, the tracking link and an unsubscribe link', () => {
    const email = update(facts, { kind: 'status' }, 'https://board.example/u?token=t');
    expect(email.subject).toBe('RF-1234567: Fixed');
    expect(email.text).toContain(facts.trackUrl);
    expect(email.text).toContain('https://board.example/u?token=t');
  });
});

describe('MIME message', () => {
  it('sets RFC 8058 one-click unsubscribe headers and both parts', () => {
    const raw = toMime(update(facts, { kind: 'status' }, 'https://b/u'), {
      from: 'a@b',
      to: 'c@d',
      unsubscribeUrl: 'https://b/u',
      boundary: 'XYZ',
    });
    expect(raw).toContain('List-Unsubscribe: <https://b/u>\r\n');
    expect(raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n');
    expect(raw).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(raw).toContain('Content-Type: text/html; charset=UTF-8');
    expect(raw.trimEnd().endsWith('--XYZ--')).toBe(true);
  });

  it('has no unsubscribe headers on mail that is not a subscription', () => {
    const raw = toMime(update(facts, { kind: 'status' }, 'https://b/u'), { from: 'a@b', to: 'c@d', boundary: 'XYZ' });
    expect(raw).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(raw).not.toContain('List-Unsubscribe');
  });
});
