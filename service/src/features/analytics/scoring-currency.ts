// Analytics never mix scorer versions or weights silently: every dashboard says whether all of its
// scores come from the current scorer, and whether a rescore (after a weight change or a new
// scorer) is still bringing them up to date.
import type { Db } from '../../platform/database/database';
import { hasScoresFromOtherVersions, SCORER_VERSION } from '../scoring';
import { activeRescore } from '../jobs';

export interface ScoringCurrency {
  scorerVersion: string;
  /** some scores come from an older scorer version: a rescore brings them to the current one */
  outdatedScores: boolean;
  /** the rescore under way, if any: until it is done, scores mix old and new weights or versions */
  rescore: { id: string; status: string; done: number; total: number } | null;
  /** true when the figures combine scores made differently */
  mixed: boolean;
}

export async function scoringCurrency(db: Db, tenantId: string): Promise<ScoringCurrency> {
  const [outdatedScores, job] = await Promise.all([
    hasScoresFromOtherVersions(db, tenantId, SCORER_VERSION),
    activeRescore(db, tenantId),
  ]);
  const rescore = job ? { id: job.id, status: job.status, done: job.done, total: job.total } : null;
  return {
    scorerVersion: SCORER_VERSION,
    outdatedScores,
    rescore,
    mixed: outdatedScores || rescore !== null,
  };
}
