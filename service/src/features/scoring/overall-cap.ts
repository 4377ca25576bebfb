// Notes made to look good on one or two dimensions (a lecture, a contract call padded to length, a
// page of buzzwords) average out in the middle of the range although the rubric sees little in them.
// The overall score is therefore capped when the note misses what every good conversation has: the
// customer's side (their view or their part in the thinking) or something beyond status (an issue we
// raised or their business), or when it reaches level 2 on no dimension at all. A cap only applies
// when the tenant weighs the dimensions it rests on, so that a tenant weighing a single dimension
// still gets exactly that dimension as the overall.
import type { Level } from './outcome';
import { DIMENSIONS, type Dimension, type Weights } from './types';

/** The highest overall score such a note can reach: the bottom quarter of the scale. */
export const GAMED_NOTE_CAP = 25;

const CAPS: ReadonlyArray<readonly [Dimension, Dimension]> = [
  // one-way: nothing from their side and no part in the thinking
  ['customerView', 'collaboration'],
  // status only: no issue raised and nothing about their business
  ['provocation', 'businessFocus'],
];

/** A note that reaches level 2 on no weighed dimension: padding spread thin over every field. */
function nowhereGood(levels: Record<Dimension, Level>, weights: Weights): boolean {
  const weighed = DIMENSIONS.filter((dimension) => weights[dimension] > 0);
  return weighed.length > 1 && weighed.every((dimension) => levels[dimension] <= 1);
}

export function capOverall(overall: number, levels: Record<Dimension, Level>, weights: Weights): number {
  for (const [a, b] of CAPS) {
    const weighed = weights[a] + weights[b] > 0;
    if (weighed && levels[a] === 0 && levels[b] === 0) return Math.min(overall, GAMED_NOTE_CAP);
  }
  return nowhereGood(levels, weights) ? Math.min(overall, GAMED_NOTE_CAP) : overall;
}
