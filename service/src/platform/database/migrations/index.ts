// Versioned migrations, applied in name order. Each is frozen: the SQL it ran when it shipped, with
// no imports, so a database created today and one upgraded from any earlier schema end up alike
// (test/storage/schema-history.test.ts). Change the schema with a new file, never by editing one;
// docs/migrations.md says how.
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as core from './0001-core';
import * as users from './0002-users';
import * as salesforce from './0003-salesforce';
import * as analytics from './0004-analytics';
import * as analyticsAggregates from './0005-analytics-aggregates';
import * as shardedAggregates from './0006-sharded-aggregates';
import * as coverageOnInsert from './0007-coverage-on-insert';
import * as skipEmptyStatements from './0008-skip-empty-statements';
import * as versionsAndSingleFlight from './0009-versions-and-single-flight';
import * as idempotencyKeyDigests from './0010-idempotency-key-digests';
import * as notesByScorerVersion from './0011-notes-by-scorer-version';
import * as boundedAnalyticsKeys from './0012-bounded-analytics-keys';
import * as promptRaiseShards from './0013-prompt-raise-shards';
import * as accountMemory from './0014-account-memory';
import * as insideViewStaleAge from './0015-inside-view-stale-age';
import * as promptPromotions from './0016-prompt-promotions';
import * as amountBands from './0017-amount-bands';
import * as jobLeases from './0018-job-leases';
import * as phaseAndMonthlyAggregates from './0019-phase-and-monthly-aggregates';
import * as coveringTeamPromptIndexes from './0021-covering-team-prompt-indexes';

/** A migration that runs its statements in order (the migrator wraps them in one transaction). */
export function frozen({ statements }: { statements: readonly string[] }): Migration {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>): Promise<void> {
      for (const statement of statements) await sql.raw(statement).execute(db);
    },
  };
}

const migrations: Record<string, Migration> = {
  '0001-core': frozen(core),
  '0002-users': frozen(users),
  '0003-salesforce': frozen(salesforce),
  '0004-analytics': frozen(analytics),
  '0005-analytics-aggregates': frozen(analyticsAggregates),
  '0006-sharded-aggregates': frozen(shardedAggregates),
  '0007-coverage-on-insert': frozen(coverageOnInsert),
  '0008-skip-empty-statements': frozen(skipEmptyStatements),
  '0009-versions-and-single-flight': frozen(versionsAndSingleFlight),
  '0010-idempotency-key-digests': frozen(idempotencyKeyDigests),
  '0011-notes-by-scorer-version': frozen(notesByScorerVersion),
  '0012-bounded-analytics-keys': frozen(boundedAnalyticsKeys),
  '0013-prompt-raise-shards': frozen(promptRaiseShards),
  '0014-account-memory': frozen(accountMemory),
  '0015-inside-view-stale-age': frozen(insideViewStaleAge),
  '0016-prompt-promotions': frozen(promptPromotions),
  '0017-amount-bands': frozen(amountBands),
  '0018-job-leases': frozen(jobLeases),
  '0019-phase-and-monthly-aggregates': frozen(phaseAndMonthlyAggregates),
  '0021-covering-team-prompt-indexes': frozen(coveringTeamPromptIndexes),
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
