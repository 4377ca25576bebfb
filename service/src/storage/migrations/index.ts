// Versioned migrations, applied in name order. Add a file, never edit one that has shipped.
import type { Migration, MigrationProvider } from 'kysely';
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
import * as accountMemory from './0014-account-memory';

const migrations: Record<string, Migration> = {
  '0001-core': core,
  '0002-users': users,
  '0003-salesforce': salesforce,
  '0004-analytics': analytics,
  '0005-analytics-aggregates': analyticsAggregates,
  '0006-sharded-aggregates': shardedAggregates,
  '0007-coverage-on-insert': coverageOnInsert,
  '0008-skip-empty-statements': skipEmptyStatements,
  '0009-versions-and-single-flight': versionsAndSingleFlight,
  '0010-idempotency-key-digests': idempotencyKeyDigests,
  '0011-notes-by-scorer-version': notesByScorerVersion,
  '0012-bounded-analytics-keys': boundedAnalyticsKeys,
  '0014-account-memory': accountMemory,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
