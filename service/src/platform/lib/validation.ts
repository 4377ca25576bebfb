import type { z } from 'zod';
import { badRequest, type ErrorDetail } from './errors';

// A lone half of a UTF-16 surrogate pair: jsonb refuses it (a 500 the fuzzer found in an imported
// prompt's targeting) and text silently turns it into U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What Postgres cannot store faithfully in a string: NUL, or a lone surrogate. */
function unstorable(text: string): string | undefined {
  if (text.includes('\u0000')) return 'NUL (U+0000) characters';
  if (LONE_SURROGATE.test(text)) return 'a lone UTF-16 surrogate (not a whole character)';
  return undefined;
}

/** Paths of strings (values or keys) Postgres cannot store. Iterative: a deeply nested body must not
 * overflow the stack. */
function unstorablePaths(root: unknown, where: string): ErrorDetail[] {
  const found: ErrorDetail[] = [];
  const pending: [unknown, string][] = [[root, where]];
  while (pending.length > 0 && found.length < 20) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string') {
      const problem = unstorable(value);
      if (problem) found.push({ path, message: `must not contain ${problem}` });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const problem = unstorable(key);
        if (problem) found.push({ path, message: `a key must not contain ${problem}` });
        pending.push([item, `${path}.${key}`]);
      }
    }
  }
  return found;
}

// zod at the edge: parse a request part or answer 400 naming each offending field.
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const bad = unstorablePaths(value, where);
  if (bad.length > 0) throw badRequest(`invalid ${where}: ${bad[0]!.path} ${bad[0]!.message}`, bad);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.slice(0, 20).map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const first = details[0]!;
  throw badRequest(`invalid ${where}: ${first.path} ${first.message}`, details);
}
