// What every error response must look like: {"error":{"code","message","details":[{path,message}]}},
// with nothing of the service's insides (stack frames, file paths, SQL or database wording).
const INTERNALS: [string, RegExp][] = [
  ['stack frame', /\bat [\w.<>]+ \(|\n\s+at /],
  ['source file', /\.(?:ts|js|cjs|mjs):\d+/],
  ['file path', /\/work\/|node_modules|\/usr\/lib\//],
  [
    'database wording',
    /syntax error at|relation "|violates [\w ]*constraint|duplicate key value|invalid input syntax|invalid byte sequence|DatabaseError|PGlite|kysely/i,
  ],
];

export function errorBodyProblems(status: number, text: string): string[] {
  if (status < 400) return [];
  const problems = INTERNALS.filter(([, pattern]) => pattern.test(text)).map(([what]) => `shows a ${what}`);
  let body: { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined;
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return [...problems, 'is not JSON'];
  }
  const error = body?.error;
  if (typeof error?.code !== 'string' || error.code === '') problems.push('has no error.code');
  if (typeof error?.message !== 'string' || error.message === '') problems.push('has no error.message');
  const details = error?.details;
  if (!Array.isArray(details)) problems.push('has no error.details array');
  else if (
    details.some(
      (d: { path?: unknown; message?: unknown }) =>
        typeof d?.path !== 'string' || typeof d?.message !== 'string',
    )
  )
    problems.push('has a detail without path and message');
  else if (error?.code === 'validation_failed' && details.length === 0) problems.push('names no field');
  return problems;
}
