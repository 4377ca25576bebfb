// What each dimension scorer concludes, and how a rubric level maps onto the 0–100 scale.
import type { Clause } from './clause-facts';
import type { CueHit } from './cue-matcher';
import type { Dimension, Evidence } from './types';

export type Level = 0 | 1 | 2 | 3;

export interface DimensionOutcome {
  level: Level;
  /** 0–1: how firmly the note sits in its level, from the number of distinct supporting signals */
  strength: number;
  evidence: Evidence[];
  /** what to add to reach the next level; null at the top level */
  tip: string | null;
}

// Levels own disjoint bands so that strength within a level can never outrank a higher level.
const LEVEL_FLOOR = [0, 35, 70, 90] as const;
const LEVEL_BAND = [15, 20, 15, 10] as const;

export function levelScore(level: Level, strength: number): number {
  const clamped = Math.min(1, Math.max(0, strength));
  return Math.round(LEVEL_FLOOR[level] + LEVEL_BAND[level] * clamped);
}

/** Strength from a count of distinct signals: the first one places the note in its level. */
export function strengthOf(signals: number, saturation = 3): number {
  return Math.min(1, Math.max(0, signals - 1) / Math.max(1, saturation - 1));
}

/** Evidence for the tokens [from, to) of a clause. */
export function spanEvidence(
  clause: Clause,
  from: number,
  to: number,
  dimension: Dimension,
  effect: Evidence['effect'],
): Evidence {
  const start = clause.table.start[from]!;
  const end = clause.table.end[to - 1]!;
  const text = clause.table.text.slice(start, end);
  // the table holds the whole note; evidence offsets are into the clause's own field
  return {
    dimension,
    field: clause.field,
    start: start - clause.offset,
    end: end - clause.offset,
    text,
    effect,
  };
}

export function clauseEvidence(clause: Clause, dimension: Dimension, effect: Evidence['effect']): Evidence {
  return spanEvidence(clause, clause.from, clause.to, dimension, effect);
}

export function cueEvidence(
  clause: Clause,
  hit: CueHit,
  dimension: Dimension,
  effect: Evidence['effect'],
): Evidence {
  return spanEvidence(clause, hit.from, hit.to, dimension, effect);
}

/** Keeps evidence readable: the first few raising spans and the first few lowering ones. */
export function limitEvidence(evidence: Evidence[], perEffect = 3): Evidence[] {
  const raised: Evidence[] = [];
  const lowered: Evidence[] = [];
  for (const item of evidence) {
    const kept = item.effect === 'raised' ? raised : lowered;
    if (kept.length < perEffect) kept.push(item);
  }
  for (const item of lowered) raised.push(item);
  return raised;
}
