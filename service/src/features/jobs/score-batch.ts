// A rescore's scoring, run on a worker-pool thread: one page of notes in, their new scores out, both
// as JSON text so that the request thread only passes strings along (see pageNotesToRescore).
import { defineTask } from '../../platform/worker-pool';
import { noteToRescore, type RescoreRow, scoreFields, scoresPayload } from '../notes';
import type { ScoringSettings } from '../settings';

export interface ScoreBatchInput {
  /** pageNotesToRescore's JSON */
  notes: string;
  weights: ScoringSettings['weights'];
}

/** Each note's new score, with the id and version it was computed from, as updateScores takes them. */
export function scoreBatch({ notes, weights }: ScoreBatchInput): string {
  return scoresPayload(
    (JSON.parse(notes) as RescoreRow[]).map((row) => ({
      id: row.id,
      version: row.version,
      score: scoreFields(noteToRescore(row), weights),
    })),
  );
}

export const SCORE_BATCH_TASK = defineTask<typeof scoreBatch>(__dirname, 'score-batch', 'scoreBatch');
