// Conversation-score bands used for win rates and drill-down: 0-39, 40-59, 60-79, 80-100.

export const SCORE_BANDS = [
  { band: '0-39', min: 0, max: 39 },
  { band: '40-59', min: 40, max: 59 },
  { band: '60-79', min: 60, max: 79 },
  { band: '80-100', min: 80, max: 100 },
] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number]['band'];
export const BAND_NAMES = SCORE_BANDS.map((b) => b.band) as [ScoreBand, ...ScoreBand[]];

/** The band of a score; an average like 59.6 is rounded first, so it counts as 60-79. */
export function bandOf(score: number): ScoreBand {
  const rounded = Math.round(score);
  return (SCORE_BANDS.find((b) => rounded <= b.max) ?? SCORE_BANDS[3]).band;
}

/** Inclusive bounds for filtering stored (integer) scores by band. */
export function bandBounds(band: ScoreBand): { min: number; max: number } {
  const found = SCORE_BANDS.find((b) => b.band === band)!;
  return { min: found.min, max: found.max };
}
