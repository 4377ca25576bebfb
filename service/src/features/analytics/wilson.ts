// Win rates with their uncertainty: a Wilson score interval (95 %) and a minimum sample below which
// the figure is shown as "not enough data" rather than as a rate a manager might act on.

/** Below this many closed opportunities a rate is reported but flagged `enoughData: false`. */
export const MIN_SAMPLE = 10;
const Z_95 = 1.959964;

export interface RateWithInterval {
  won: number;
  closed: number;
  /** won / closed, null when nothing closed */
  rate: number | null;
  low: number | null;
  high: number | null;
  enoughData: boolean;
}

/** Wilson score interval for `successes` out of `n`; unlike the normal approximation it stays within
 * [0, 1] and is honest for small samples and rates near 0 or 1. */
export function wilsonInterval(successes: number, n: number, z = Z_95): { low: number; high: number } {
  if (n <= 0) throw new RangeError('wilsonInterval needs n > 0');
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export function winRate(won: number, closed: number): RateWithInterval {
  if (closed === 0) return { won, closed, rate: null, low: null, high: null, enoughData: false };
  const { low, high } = wilsonInterval(won, closed);
  return { won, closed, rate: won / closed, low, high, enoughData: closed >= MIN_SAMPLE };
}
