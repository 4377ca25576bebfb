// Optimistic concurrency over HTTP: a resource's version is its ETag, and a write that carries
// If-Match is applied only over the version it names (RFC 9110 §13.1.1).

export const etagOf = (version: number) => `"${version}"`;

/**
 * The versions an If-Match header names: undefined without the header or with `*` (no condition),
 * an empty list when it names none of ours (so nothing matches and the write is a 412).
 */
export function ifMatchVersions(header: string | undefined): number[] | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  return header.split(',').flatMap((tag) => {
    const match = /^\s*"(\d{1,9})"\s*$/.exec(tag);
    return match ? [Number(match[1])] : [];
  });
}
