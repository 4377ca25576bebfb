// A rescore's scoring, run on a worker-pool thread: one page of notes in, their new scores out.
import { defineTask } from '../../platform/worker-pool';
import { type NoteToRescore, scoreFields } from '../notes';
import type { ScoringSettings } from '../settings';

export interface ScoreBatchInput {
  notes: NoteToRescore[];
  weights: ScoringSettings['weights'];
}

/** Each note's new score, with the id and version it was computed from. */
export function scoreBatch({ notes, weights }: ScoreBatchInput) {
  return notes.map((note) => ({ id: note.id, version: note.version, score: scoreFields(note, weights) }));
}

export type ScoredBatch = ReturnType<typeof scoreBatch>;

export const SCORE_BATCH_TASK = defineTask<typeof scoreBatch>(__dirname, 'score-batch', 'scoreBatch');
