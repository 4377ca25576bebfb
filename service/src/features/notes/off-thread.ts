// Scoring that would hold the request thread for more than a few milliseconds runs on the worker
// pool: the largest drafts and notes the schema admits, and imports of many notes. A note of
// ordinary length is scored inline, where the hop to a thread would cost more than the scoring.
import { defineTask, workerPool, type WorkerPool } from '../../platform/worker-pool';
import { assessNote, type NoteAssessment, type Weights } from '../scoring';
import { type scoreFields, scoringInputOf } from './notes';
import type { StoredScore } from './repository';

type Fields = Parameters<typeof scoreFields>[0];

/** Text (all fields and prompts together) scored inline; more goes to the pool. */
export const INLINE_CHARS = 2000;
/** Notes in one pool task: an import's tasks take turns with other tenants' work. */
const NOTES_PER_TASK = 200;

/** Runs on a pool thread. */
export function scoreMany({ notes, weights }: { notes: Fields[]; weights: Weights }): NoteAssessment[] {
  return notes.map((fields) => assessNote(scoringInputOf(fields), weights));
}

const SCORE_MANY = defineTask<typeof scoreMany>(__dirname, 'off-thread', 'scoreMany');

const textLength = (fields: Fields) =>
  fields.summary.length +
  (fields.customerView?.length ?? 0) +
  (fields.ideas?.length ?? 0) +
  (fields.nextStep?.length ?? 0) +
  fields.prompts.reduce((sum, prompt) => sum + (prompt.text?.length ?? 0), 0);

/** Scores one tenant's notes, in order: inline when their text is short, on the worker pool otherwise. */
export async function scoreOffThread(
  tenantId: string,
  notes: Fields[],
  weights: Weights,
): Promise<NoteAssessment[]> {
  const pool = workerPool();
  const short = notes.reduce((sum, fields) => sum + textLength(fields), 0) <= INLINE_CHARS;
  // a long note scores inline while the first thread starts, rather than wait seconds for it
  if (!short && notes.length === 1 && !pool.isWarm(SCORE_MANY)) pool.warm(SCORE_MANY);
  else if (!short) return runOnPool(pool, tenantId, notes, weights);
  return scoreMany({ notes, weights });
}

async function runOnPool(pool: WorkerPool, tenantId: string, notes: Fields[], weights: Weights) {
  const chunks: Array<Promise<NoteAssessment[]>> = [];
  for (let start = 0; start < notes.length; start += NOTES_PER_TASK)
    chunks.push(
      pool.run(tenantId, SCORE_MANY, { notes: notes.slice(start, start + NOTES_PER_TASK), weights }),
    );
  return (await Promise.all(chunks)).flat();
}

/** One note's score as stored with it: inline when short, on the worker pool otherwise. */
export async function storedScoreOffThread(
  tenantId: string,
  note: Fields,
  weights: Weights,
): Promise<StoredScore> {
  const [assessment] = await scoreOffThread(tenantId, [note], weights);
  return { ...assessment! };
}
