import type { z } from 'zod';
import { badRequest, type ErrorDetail } from '../../lib/errors';

/** Paths of strings (values or keys) holding U+0000, which Postgres text cannot store. Iterative:
 * a deeply nested body must not overflow the stack. */
function nulPaths(root: unknown, where: string): ErrorDetail[] {
  const found: ErrorDetail[] = [];
  const pending: [unknown, string][] = [[root, where]];
  while (pending.length > 0 && found.length < 20) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) found.push({ path, message: 'must not contain NUL (U+0000) characters' });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\u0000'))
          found.push({ path, message: 'a key must not contain NUL (U+0000) characters' });
        pending.push([item, `${path}.${key}`]);
      }
    }
  }
  return found;
}

// zod at the edge: parse a request part or answer 400 naming each offending field.
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const nul = nulPaths(value, where);
  if (nul.length > 0) throw badRequest(`invalid ${where}: ${nul[0]!.path} ${nul[0]!.message}`, nul);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.slice(0, 20).map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const first = details[0]!;
  throw badRequest(`invalid ${where}: ${first.path} ${first.message}`, details);
}
