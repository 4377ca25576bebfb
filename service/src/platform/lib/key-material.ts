// Checks that a configured secret key was generated (`head -c32 /dev/urandom | base64`) rather
// than typed. The limits are far below what random bytes show: 32 random bytes take about 30
// distinct values, and fewer than 16 (or fewer than 16 distinct steps between neighbours, as in a
// counting sequence) happens by chance with a probability below one in a billion.
const MIN_DISTINCT = 16;

const PRINTABLE_ASCII = (byte: number) => byte >= 0x20 && byte <= 0x7e;

/** Why `text` is not canonical base64 of `length` random-looking bytes, or undefined if it is. */
export function randomKeyProblem(text: string, length: number): string | undefined {
  const bytes = Buffer.from(text, 'base64');
  // Node's decoder skips characters outside the alphabet and ignores stray bits; re-encoding shows both
  if (bytes.length !== length || bytes.toString('base64') !== text)
    return `must be ${length} bytes in canonical base64 (head -c${length} /dev/urandom | base64)`;
  const steps = bytes.subarray(1).map((byte, i) => (byte - bytes[i]!) & 0xff);
  if (
    new Set(bytes).size < MIN_DISTINCT ||
    new Set(steps).size < MIN_DISTINCT ||
    bytes.every(PRINTABLE_ASCII)
  )
    return `must be random bytes, not a pattern or text (head -c${length} /dev/urandom | base64)`;
  return undefined;
}
