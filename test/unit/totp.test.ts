import { describe, expect, it } from 'vitest';
import { totp, wrongCode } from '../support/totp.js';

describe('the test TOTP generator', () => {
  it('gives the RFC 6238 SHA-1 test vectors (8-digit codes, last 6 digits)', () => {
    // RFC 6238 appendix B: secret "12345678901234567890" (base32 GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ).
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totp(secret, 59_000)).toBe('287082');
    expect(totp(secret, 1_111_111_109_000)).toBe('081804');
    expect(totp(secret, 2_000_000_000_000)).toBe('279037');
  });

  it('makes a wrong code that matches no nearby step', () => {
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(wrongCode(secret, 59_000)).not.toBe(totp(secret, 59_000));
  });
});
