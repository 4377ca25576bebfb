// Every request starts with a key lookup, and under steady load that round trip was most of the
// live coach's tail (docs/adr/0004-key-lookup-cache.md). Found keys are kept for
// KEY_CACHE_MS. A change to a tenant's keys or settings made in this process forgets the tenant at once
// (callers that make it inside a transaction forget it again after the commit); a change made by
// another process (the CLI, another instance) is seen within KEY_CACHE_MS: that is the revocation
// window every instance honours (docs/operations.md). Unknown keys are never kept.
export const KEY_CACHE_MS = 2_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  tenantId: string;
  value: unknown;
  expires: number;
}

// per database handle: tests and tools open several databases in one process
const handles = new WeakMap<object, number>();
let lastHandle = 0;
const entries = new Map<string, Entry>();

function keyOf(db: object, digest: string): string {
  let handle = handles.get(db);
  if (handle === undefined) handles.set(db, (handle = ++lastHandle));
  return `${handle}:${digest}`;
}

/** The cached lookup of `digest` on `db`, or a fresh one (kept when it found a tenant). */
export async function lookupKey<T extends { tenant: { id: string } }>(
  db: object,
  digest: string,
  fetch: () => Promise<T | undefined>,
): Promise<T | undefined> {
  const key = keyOf(db, digest);
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.expires > now) return hit.value as T;
  entries.delete(key);
  const found = await fetch();
  if (found) {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, { tenantId: found.tenant.id, value: found, expires: now + KEY_CACHE_MS });
  }
  return found;
}

/** Drops every cached key of the tenant, on every database handle. */
export function forgetTenant(tenantId: string): void {
  for (const [key, entry] of entries) if (entry.tenantId === tenantId) entries.delete(key);
}
