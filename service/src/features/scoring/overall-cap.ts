// Notes made to look good on one or two dimensions (a lecture, a contract call padded to length, a
// page of buzzwords) average out in the middle of the range although the rubric sees little in them.
// The overall score is therefore capped when the note misses what every good conversation has: the
// customer's side (their view or their part in the thinking) or something beyond status (an issue we
// raised or their business). A cap only applies when the tenant weighs the dimensions it rests on,
// so that a tenant weighing a single dimension still gets exactly that dimension as the overall.
import type { Level } from './outcome';
import type { Dimension, Weights } from './types';

/** The highest overall score such a note can reach: the bottom quarter of the scale. */
export const GAMED_NOTE_CAP = 25;

const CAPS: ReadonlyArray<readonly [Dimension, Dimension]> = [
  // one-way: nothing from their side and no part in the thinking
  ['customerView', 'collaboration'],
  // status only: no issue raised and nothing about their business
  ['provocation', 'businessFocus'],
];

export function capOverall(overall: number, levels: Record<Dimension, Level>, weights: Weights): number {
  for (const [a, b] of CAPS) {
    const weighed = weights[a] + weights[b] > 0;
    if (weighed && levels[a] === 0 && levels[b] === 0) return Math.min(overall, GAMED_NOTE_CAP);
  }
  return overall;
}
