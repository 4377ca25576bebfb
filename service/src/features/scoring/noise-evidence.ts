// Evidence for text that earned nothing because it is filler or a word-for-word repeat; stuffing,
// negation and lecturing are reported by the dimension they tried to game.
import type { Clause } from './clause-facts';
import { clauseEvidence } from './outcome';
import type { NoteReading } from './read-note';
import type { Dimension, Evidence, TextField } from './types';

/** The dimension a field is meant to feed; a summary's filler displaces business content. */
function dimensionOfField(field: TextField): Dimension {
  if (field === 'customerView') return 'customerView';
  if (field === 'ideas') return 'collaboration';
  if (field === 'nextStep') return 'nextStep';
  return field === 'summary' ? 'businessFocus' : 'provocation';
}

function isNoise(clause: Clause): boolean {
  return (clause.filler || clause.repeated) && !clause.stuffed;
}

export function noiseEvidence(note: NoteReading): Evidence[] {
  return note.clauses
    .filter(isNoise)
    .map((clause) => clauseEvidence(clause, dimensionOfField(clause.field), 'lowered'));
}
