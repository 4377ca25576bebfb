// Tenant API keys: 256 random bits, shown once, stored only as a SHA-256 digest. A fast hash is
// enough here because the key itself has full entropy (nothing to brute-force, unlike a password).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256 } from './stable-hash';

const PREFIX = 'uan_';

export function generateApiKey(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiKey(key: string): string {
  return sha256(key);
}

/** The first characters, safe to show in listings so admins can tell keys apart. */
export function keyHint(key: string): string {
  return key.slice(0, PREFIX.length + 6);
}

export function looksLikeApiKey(key: string): boolean {
  return /^[A-Za-z0-9_\-.~+/=]{16,200}$/.test(key);
}

export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
