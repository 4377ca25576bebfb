// Rescoring a tenant's stored notes (after a weight change or a new scorer version), in batches,
// with progress recorded on a job a user can watch from the API or the CLI.
import type { Db } from '../../storage/database';
import * as jobsRepo from '../../storage/repositories/jobs';
import type { JobRecord } from '../../storage/repositories/jobs';
import {
  countNotes,
  pageNotesToRescore,
  updateScores,
  type StoredScore,
} from '../../storage/repositories/notes';
import { enqueueRollups } from '../../storage/repositories/salesforce-outbox';
import { notFound } from '../../lib/errors';
import type { Actor } from '../actor';
import { scoreFields } from '../notes/notes';
import { loadSettings } from '../settings/settings';

export const RESCORE_BATCH = 500;
/** Notes scored between two turns of the event loop. Scoring a batch takes a quarter of a second,
 * and the write in flight and the read of the next page move on only when the event loop turns. */
const SCORE_SLICE = 25;
const JOB_KIND = 'rescore';

export type ProgressListener = (done: number, total: number) => void;

/** Queues a rescoring job; an already running one is returned instead of starting a second. */
export async function queueRescore(db: Db, tenantId: string): Promise<{ job: JobRecord; started: boolean }> {
  const active = await jobsRepo.findActiveJob(db, tenantId, JOB_KIND);
  if (active) return { job: active, started: false };
  const job = await jobsRepo.insertJob(db, tenantId, JOB_KIND, await countNotes(db, tenantId));
  return { job, started: true };
}

export async function runRescore(
  db: Db,
  tenantId: string,
  jobId: string,
  onProgress: ProgressListener = () => {},
): Promise<JobRecord> {
  const { weights } = await loadSettings(db, tenantId);
  const total = await countNotes(db, tenantId);
  await jobsRepo.updateJob(db, tenantId, jobId, { status: 'running', total, done: 0 });
  let done = 0;
  const write = async (
    batch: Array<{ opportunityId: string }>,
    scores: Array<{ id: string; score: StoredScore }>,
  ) => {
    // new scores and their roll-ups to Salesforce commit together
    await db.transaction().execute(async (tx) => {
      await updateScores(tx, tenantId, scores);
      await enqueueRollups(
        tx,
        tenantId,
        batch.map((note) => note.opportunityId),
      );
    });
    done += batch.length;
    await jobsRepo.updateJob(db, tenantId, jobId, { done, total: Math.max(total, done) });
    onProgress(done, Math.max(total, done));
  };
  // Each batch is scored while the database writes the previous one and reads the next, so Postgres
  // and the scorer work at the same time (two cores); batches are still written and reported in page
  // order.
  let writing: Promise<void> = Promise.resolve();
  let reading = pageNotesToRescore(db, tenantId, RESCORE_BATCH);
  try {
    for (;;) {
      const batch = await reading;
      if (batch.length === 0) break;
      reading = pageNotesToRescore(db, tenantId, RESCORE_BATCH, batch.at(-1)!.id);
      // awaited in the next round; until then a failure must not count as unhandled
      reading.catch(() => {});
      const scores: Array<{ id: string; score: StoredScore }> = [];
      for (const note of batch) {
        if (scores.length % SCORE_SLICE === 0) await new Promise(setImmediate);
        scores.push({ id: note.id, score: scoreFields(note, weights) });
      }
      await writing;
      writing = write(batch, scores);
      // awaited before the next write or at the end; until then a failure must not count as unhandled
      writing.catch(() => {});
    }
    await writing;
    await jobsRepo.updateJob(db, tenantId, jobId, { status: 'done', done, total: done });
  } catch (error) {
    await writing.catch(() => {});
    await jobsRepo.updateJob(db, tenantId, jobId, { status: 'failed', error: (error as Error).message });
    throw error;
  }
  return (await jobsRepo.findJob(db, tenantId, jobId))!;
}

export async function getJob(db: Db, actor: Actor, id: string): Promise<JobRecord> {
  const job = await jobsRepo.findJob(db, actor.tenantId, id);
  if (!job) throw notFound('job');
  return job;
}

export async function activeRescore(db: Db, tenantId: string): Promise<JobRecord | undefined> {
  return jobsRepo.findActiveJob(db, tenantId, JOB_KIND);
}
