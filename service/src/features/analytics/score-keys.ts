// What the quality figures add up per note: the overall score and each rubric dimension.
import { DIMENSIONS, type Dimension } from '../scoring';

export type ScoreKey = 'overall' | Dimension;
export const SCORE_KEYS: readonly ScoreKey[] = ['overall', ...DIMENSIONS];
export type ScoreSums = Record<ScoreKey, number>;
