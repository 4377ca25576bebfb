// The overall score: the weighted mean of the dimensions, with weights sales ops set per tenant.
import { DIMENSIONS, type Dimension, type Weights } from './types';

export function assertValidWeights(weights: Weights): void {
  for (const dimension of DIMENSIONS) {
    const weight = weights[dimension];
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`weight for ${dimension} must be a non-negative number, got ${String(weight)}`);
    }
  }
  if (!DIMENSIONS.some((dimension) => weights[dimension] > 0)) {
    throw new RangeError('at least one scoring weight must be greater than 0');
  }
}

/** Weighted mean of the dimension scores, as a 0–100 integer. */
export function combineOverall(dimensions: Record<Dimension, number>, weights: Weights): number {
  assertValidWeights(weights);
  let total = 0;
  let weightSum = 0;
  for (const dimension of DIMENSIONS) {
    total += dimensions[dimension] * weights[dimension];
    weightSum += weights[dimension];
  }
  return Math.min(100, Math.max(0, Math.round(total / weightSum)));
}
