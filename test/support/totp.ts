import { createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(secret: string): Buffer {
  let bits = '';
  for (const c of secret.replace(/[\s=]/g, '').toUpperCase()) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) throw new Error(`not base32: ${c}`);
    bits += v.toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((b) => Number.parseInt(b, 2)));
}

/** The RFC 6238 code an authenticator app shows for `secret` (SHA-1, 30 s steps, 6 digits), as a person would type it. */
export function totp(secret: string, at = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const hmac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = (hmac.at(-1) as number) & 0xf;
  const code = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(code).padStart(6, '0');
}

/** A 6-digit code that is certainly wrong now (not the current, previous or next step's). */
export function wrongCode(secret: string, at = Date.now()): string {
  const near = new Set([-30_000, 0, 30_000].map((d) => totp(secret, at + d)));
  for (let n = 0; ; n++) {
    const candidate = String((Number(totp(secret, at)) + 111_111 * (n + 1)) % 1_000_000).padStart(6, '0');
    if (!near.has(candidate)) return candidate;
  }
}
