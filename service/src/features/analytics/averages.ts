// Score sums from the rollups turned into the averages the dashboard shows (one decimal).
import { SCORE_KEYS, type ScoreKey } from './score-keys';
import type { QualityTotals } from './read-models/quality';

export type Averages = Record<ScoreKey, number | null>;

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** Averages over scored notes; null when none in the group is scored. */
export function averagesOf(totals: QualityTotals): Averages {
  const entries = Object.entries(totals.sums).map(([key, sum]) => [
    key,
    totals.scoredCount > 0 ? oneDecimal(sum / totals.scoredCount) : null,
  ]);
  return Object.fromEntries(entries) as Averages;
}

export function addTotals(groups: QualityTotals[]): QualityTotals {
  const sums = Object.fromEntries(
    SCORE_KEYS.map((key) => [key, groups.reduce((total, g) => total + g.sums[key], 0)]),
  ) as Record<ScoreKey, number>;
  return {
    noteCount: groups.reduce((n, g) => n + g.noteCount, 0),
    scoredCount: groups.reduce((n, g) => n + g.scoredCount, 0),
    sums,
  };
}
