import { createHash, hash } from 'node:crypto';

/** A stable 32-bit number for a string: deterministic tie-breaks that still vary between inputs. */
export function stableHash(text: string): number {
  return createHash('sha1').update(text).digest().readUInt32BE(0);
}

/** Canonical JSON (sorted keys), so equal bodies hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

// the one-shot form: a Hash object per call costs more than hashing a short text
export function sha256(text: string): string {
  return hash('sha256', text);
}
