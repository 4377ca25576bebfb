// Rescoring a tenant's stored notes (after a weight change or a new scorer version), in batches,
// with progress recorded on a job a user can watch from the API or the CLI. One rescore runs per
// tenant at a time; newer settings supersede a running one with a new job.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/database/database';
import type { BackgroundWork } from '../../platform/background-work';
import * as jobsRepo from './repository';
import type { JobRecord } from './repository';
import { workerPool } from '../../platform/worker-pool';
import { countNotes, pageNotesToRescore, updateScores } from '../notes';
import { SCORE_BATCH_TASK } from './score-batch';
import { enqueueRollups } from '../salesforce';
import { conflict, notFound } from '../../platform/lib/errors';
import type { Actor } from '../../platform/actor';
import { loadSettings, type ScoringSettings } from '../settings';
import { runAsTenant } from '../../platform/tenant-context';

export const RESCORE_BATCH = 500;
const JOB_KIND = 'rescore';
/** A job without progress for this long died with its process (a restart) and no longer blocks. */
const STALLED_AFTER_MS = 5 * 60_000;
/** Passes over notes scored with other settings (edited or written during the run) before it ends. */
const CATCH_UP_PASSES = 3;
/** Attempts to queue against concurrent starts with other settings versions before giving up. */
const QUEUE_ATTEMPTS = 5;
/** A worker's claim on a job, extended with every batch written; once it runs out (the worker died)
 * another worker claims the job and runs it again from the start. */
export const JOB_LEASE_MS = 60_000;

/** Called after each batch is written; the rescore waits for a returned promise. */
export type ProgressListener = (done: number, total: number) => void | Promise<void>;

/** Called after each batch is written with how long it took since the last call; the rescore waits
 * for the promise (a pause that leaves time to other tenants' requests). */
export type Pace = (tenantId: string, stepMs: number) => Promise<void>;
const flatOut: Pace = () => Promise.resolve();

/**
 * Queues a rescoring job that applies settings `settingsVersion` (by default the current ones), or
 * returns the active one when it applies those settings or newer. An active job with older settings
 * is superseded by the new one.
 */
export async function queueRescore(
  db: Db,
  tenantId: string,
  settingsVersion?: number,
): Promise<{ job: JobRecord; started: boolean }> {
  const version = settingsVersion ?? (await loadSettings(db, tenantId)).version;
  const total = await countNotes(db, tenantId);
  for (let attempt = 0; attempt < QUEUE_ATTEMPTS; attempt++) {
    const queued = await db.transaction().execute(async (tx) => {
      const stalledBefore = new Date(Date.now() - STALLED_AFTER_MS);
      const replaced = await jobsRepo.supersedeActiveJob(tx, tenantId, JOB_KIND, version, stalledBefore);
      const job = await jobsRepo.insertJobUnlessActive(tx, tenantId, JOB_KIND, {
        total,
        settingsVersion: version,
      });
      if (job) {
        if (replaced) await jobsRepo.recordSuccessor(tx, tenantId, replaced, job.id);
        return { job, started: true };
      }
      // another start committed first: it stands if it applies these settings or newer
      const active = await jobsRepo.findActiveJob(tx, tenantId, JOB_KIND);
      return active && (active.settingsVersion ?? -1) >= version
        ? { job: active, started: false }
        : undefined;
    });
    if (queued) return queued;
  }
  throw conflict('rescoring jobs are being started concurrently: try again', 'rescore_contended');
}

/**
 * Queues a rescore of the tenant's notes; a worker runs it (this instance's at once when it runs
 * one, otherwise a worker process on its next poll).
 */
export async function startRescore(
  db: Db,
  background: BackgroundWork,
  tenantId: string,
  settingsVersion?: number,
): Promise<JobRecord> {
  const { job, started } = await queueRescore(db, tenantId, settingsVersion);
  if (started) background.queued(JOB_KIND);
  return job;
}

/** Runs the queued job `jobId` here and now (the CLI, tests), unless a worker claimed it first. */
export async function runRescore(
  db: Db,
  tenantId: string,
  jobId: string,
  onProgress: ProgressListener = () => {},
): Promise<JobRecord> {
  const owner = `run-${randomUUID()}`;
  if (await jobsRepo.startJob(db, tenantId, jobId, owner, JOB_LEASE_MS)) {
    await runClaimed(db, { tenantId, jobId, owner, leaseMs: JOB_LEASE_MS }, flatOut, onProgress);
  }
  return (await jobsRepo.findJob(db, tenantId, jobId))!;
}

/**
 * Claims the oldest rescore no worker holds (queued, or left by a worker that died) and runs it to
 * its end; answers the job as it ended, or undefined when none was waiting.
 */
export async function runNextRescore(
  db: Db,
  owner: string,
  leaseMs: number = JOB_LEASE_MS,
  pace: Pace = flatOut,
): Promise<JobRecord | undefined> {
  const claimed = await jobsRepo.claimJob(db, JOB_KIND, owner, leaseMs);
  if (!claimed) return undefined;
  const { tenantId, job } = claimed;
  // the job's queries count against its tenant's share of connections, like its requests
  await runAsTenant(tenantId, () => runClaimed(db, { tenantId, jobId: job.id, owner, leaseMs }, pace));
  return jobsRepo.findJob(db, tenantId, job.id);
}

interface Claim {
  tenantId: string;
  jobId: string;
  owner: string;
  leaseMs: number;
}

async function runClaimed(
  db: Db,
  claim: Claim,
  pace: Pace = flatOut,
  onProgress: ProgressListener = () => {},
): Promise<void> {
  const settings = await loadSettings(db, claim.tenantId);
  const total = await countNotes(db, claim.tenantId);
  await updateClaimed(db, claim, { total });
  try {
    await rescoreNotes(db, claim, settings, total, pace, onProgress);
  } catch (error) {
    await updateClaimed(db, claim, { status: 'failed', error: (error as Error).message });
    throw error;
  }
}

function updateClaimed(db: Db, claim: Claim, patch: Parameters<typeof jobsRepo.updateJob>[5]) {
  return jobsRepo.updateJob(db, claim.tenantId, claim.jobId, claim.owner, claim.leaseMs, patch);
}

/** A page's new scores as updateScores writes them, and how many notes they are. */
interface ScoredPage {
  count: number;
  payload: string;
}

/** Thrown inside a batch's transaction when a newer job, or another worker, has taken over: the run
 * stops there. */
class Superseded extends Error {}

async function rescoreNotes(
  db: Db,
  claim: Claim,
  settings: ScoringSettings,
  total: number,
  pace: Pace,
  onProgress: ProgressListener,
): Promise<void> {
  const { tenantId } = claim;
  let done = 0;
  let stepStarted = performance.now();
  const write = async ({ count, payload }: ScoredPage) => {
    // new scores and their roll-ups to Salesforce commit together, and only while the job runs
    await db.transaction().execute(async (tx) => {
      if (!(await jobsRepo.lockIfRunning(tx, tenantId, claim.jobId, claim.owner))) throw new Superseded();
      const written = await updateScores(tx, tenantId, payload, settings.version);
      await enqueueRollups(
        tx,
        tenantId,
        written.map((note) => note.opportunityId),
      );
    });
    done += count;
    await updateClaimed(db, claim, { done, total: Math.max(total, done) });
    await onProgress(done, Math.max(total, done));
    await pace(tenantId, performance.now() - stepStarted);
    stepStarted = performance.now();
  };
  try {
    await pipelinePass(db, claim, settings, write);
    // notes edited during the pass kept their edit's score; those scored with other settings than
    // these (a request that read the settings before the change) are scored again
    for (let pass = 0; pass < CATCH_UP_PASSES; pass++) {
      if (!(await pipelinePass(db, claim, settings, write, settings.version))) break;
    }
    await updateClaimed(db, claim, { status: 'done', done, total: done });
  } catch (error) {
    if (!(error instanceof Superseded)) throw error;
  }
}

/**
 * One pass over the tenant's notes (or those scored with other settings than `otherThanSettings`),
 * in id order. Batches are scored on the worker pool (as many at once as the pool lets one tenant
 * run, one more waiting) while the database writes the batch before and reads the next; pages and
 * scores cross the request thread as JSON text it never parses. Batches are still written and
 * reported in page order. Answers whether it found any note.
 */
async function pipelinePass(
  db: Db,
  { tenantId, leaseMs }: Claim,
  settings: ScoringSettings,
  write: (scored: ScoredPage) => Promise<void>,
  otherThanSettings?: number,
): Promise<boolean> {
  const pool = workerPool();
  const ahead = pool.options.perTenant + 1;
  const page = (afterId?: string) =>
    pageNotesToRescore(db, tenantId, RESCORE_BATCH, afterId, otherThanSettings);
  // every promise here is awaited later; until then a failure must not count as unhandled
  const held = <T>(promise: Promise<T>) => {
    promise.catch(() => {});
    return promise;
  };
  let found = false;
  let writing: Promise<void> = Promise.resolve();
  let reading = held(page());
  const scoring: Array<Promise<ScoredPage>> = [];
  const writeNext = async () => {
    const scored = await scoring.shift()!;
    await writing;
    writing = held(write(scored));
  };
  try {
    for (;;) {
      const batch = await reading;
      if (batch.count === 0) break;
      found = true;
      reading = held(page(batch.lastId));
      // a batch may take as long as the lease it renews: past that, another worker holds the job
      scoring.push(
        held(
          pool
            .run(tenantId, SCORE_BATCH_TASK, { notes: batch.notes, weights: settings.weights }, leaseMs)
            .then((payload) => ({ count: batch.count, payload })),
        ),
      );
      if (scoring.length >= ahead) await writeNext();
    }
    while (scoring.length > 0) await writeNext();
    await writing;
  } catch (error) {
    await writing.catch(() => {});
    await reading.catch(() => {});
    await Promise.allSettled(scoring);
    throw error;
  }
  return found;
}

export async function getJob(db: Db, actor: Actor, id: string): Promise<JobRecord> {
  const job = await jobsRepo.findJob(db, actor.tenantId, id);
  if (!job) throw notFound('job');
  return job;
}

export async function activeRescore(db: Db, tenantId: string): Promise<JobRecord | undefined> {
  return jobsRepo.findActiveJob(db, tenantId, JOB_KIND);
}
