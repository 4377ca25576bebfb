// Notes made to look good on one or two dimensions (a lecture, a contract call padded to length, a
// page of buzzwords) average out in the middle of the range although the rubric sees little in them.
// The overall score is therefore capped when the note misses what every good conversation has: the
// customer's side (their view or their part in the thinking), something beyond status (an issue we
// raised or their business), and text that says something (not filler, repeats or cue lists).
import { isCountable, type NoteReading } from './read-note';
import type { Level } from './outcome';
import type { Dimension } from './types';

/** The highest overall score a note missing one of those can reach: the bottom quarter of the scale. */
export const GAMED_NOTE_CAP = 25;

/** Share of the note's words in clauses that count: below half, the note is mostly noise. */
function countableShare(note: NoteReading): number {
  let words = 0;
  let countable = 0;
  for (const clause of note.clauses) {
    words += clause.words;
    if (isCountable(clause)) countable += clause.words;
  }
  return words === 0 ? 0 : countable / words;
}

/** Why the overall score is capped, or null when it is not. */
export function overallCapReason(
  note: NoteReading,
  levels: Record<Dimension, Level>,
): 'one-way' | 'status-only' | 'mostly-noise' | null {
  if (levels.customerView === 0 && levels.collaboration === 0) return 'one-way';
  if (levels.provocation === 0 && levels.businessFocus === 0) return 'status-only';
  if (countableShare(note) < 0.5) return 'mostly-noise';
  return null;
}

export function capOverall(overall: number, note: NoteReading, levels: Record<Dimension, Level>): number {
  return overallCapReason(note, levels) === null ? overall : Math.min(overall, GAMED_NOTE_CAP);
}
