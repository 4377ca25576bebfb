// The tenant-wide counters are spread over shards of authors (migration 0006) so that concurrent
// writers rarely meet on a row: notes by several reps on one day land in several rows, and the
// tenant-wide figures, which sum the shards, still equal fresh aggregates over the notes and raises.
// A database that was at 0005 keeps its rows (in shard 0) and goes on counting right after 0006.
import { randomUUID } from 'node:crypto';
import type { PGlite as PGliteInstance } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { stageRanks } from '../../service/src/features/analytics/stage-order';
import { DIMENSIONS } from '../../service/src/features/scoring/types';
import { defaultSettings } from '../../service/src/features/settings/settings';
import { migrate, type Db } from '../../service/src/platform/database/database';
import { migrationProvider } from '../../service/src/platform/database/migrations';
import { PGliteDialect } from '../../service/src/platform/database/pglite-dialect';
import {
  promptTallies,
  promptTalliesFromRaises,
} from '../../service/src/features/analytics/read-models/prompt-effectiveness';
import { qualityByAuthor, qualityByBucket } from '../../service/src/features/analytics/read-models/quality';
import { SCORE_KEYS } from '../../service/src/features/analytics/score-keys';
import {
  bulkInsertNotes,
  bulkInsertOpportunities,
  type BulkNote,
  type BulkOpportunity,
} from '../../scripts/seed/bulk-load';
import type { Database } from '../../service/src/platform/database/schema';
import { createPostgresDatabase, DATABASE_KINDS, type DatabaseKind } from '../helpers/databases';

const REPS = ['005000000000R01AAA', '005000000000R02AAA', '005000000000R03AAA', '005000000000R04AAA', '005000000000R05AAA', '005000000000R06AAA']; // prettier-ignore
const SET = randomUUID();
const DAY = '2026-03-02';
const RANGE = { from: '2026-01-01', to: '2026-03-31' };

const deal = (id: string, stage: string, industry: string, closed: boolean, won: boolean): BulkOpportunity => ({
  id, name: id, stage, amount: 100, close_date: '2026-06-30', account_name: 'Acme', industry,
  is_closed: closed, is_won: won, owner_id: REPS[0]!,
}); // prettier-ignore
const OPEN = deal('006000000000S01AAA', 'Qualification', 'Banking', false, false);
const WON = deal('006000000000S02AAA', 'Closed Won', 'Retail', true, true);

/** A scored note raising k1 (every note) and k2 (every other note), with integer scores so that sums
 * in any order are exact. */
function note(author: string, i: number, occurredAt = DAY): BulkNote {
  const raise = (key: string, reaction: string) => ({
    promptId: null, promptKey: key, setId: SET, version: 1, text: null, reaction,
  }); // prettier-ignore
  const overall = 40 + ((i * 7) % 50);
  return {
    id: randomUUID(),
    opportunity_id: i % 3 === 0 ? WON.id : OPEN.id,
    author_id: author,
    occurred_at: occurredAt,
    opportunity_stage: i % 2 === 0 ? 'Prospecting' : 'Qualification',
    summary: `Note ${i}`,
    customer_view: null,
    prompts: [
      raise('k1', i % 2 === 0 ? 'new_to_them' : 'dismissed'),
      ...(i % 2 === 0 ? [raise('k2', 'redirected')] : []),
    ],
    score: {
      overall,
      scorerVersion: 'fixture',
      dimensions: Object.fromEntries(DIMENSIONS.map((d, k) => [d, overall - k])),
    },
    overall,
    scorer_version: 'fixture',
  };
}

/** A database migrated up to `migration`, and a tenant with the two deals. */
async function openAt(kind: DatabaseKind, migration: string): Promise<{ db: Db; tenantId: string }> {
  let db: Db;
  if (kind === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = (await PGlite.create()) as unknown as PGliteInstance;
    db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  } else {
    const pool = new pg.Pool({ connectionString: await createPostgresDatabase(), max: 2 });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo(migration);
  if (error) throw error;
  const tenantId = randomUUID();
  await db
    .insertInto('tenants')
    .values({ id: tenantId, slug: `t-${tenantId}`, name: 'Shards' })
    .execute();
  await bulkInsertOpportunities(db, tenantId, [OPEN, WON]);
  return { db, tenantId };
}

/** Runs `body` on a database at `migration` (see openAt), and closes the database after it. */
async function withDatabaseAt(
  kind: DatabaseKind,
  migration: string,
  body: (opened: { db: Db; tenantId: string }) => Promise<void>,
): Promise<void> {
  const opened = await openAt(kind, migration);
  try {
    await body(opened);
  } finally {
    await opened.db.destroy();
  }
}

/** The open deal closes won, which moves everything counted on it. */
async function winOpenDeal(db: Db, tenantId: string): Promise<void> {
  await db
    .updateTable('opportunities')
    .set({ stage: 'Closed Won', is_closed: true, is_won: true })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', OPEN.id)
    .execute();
}

/** The tenant-wide weekly series and prompt figures equal fresh aggregates over notes and raises. */
async function expectFiguresFresh(db: Db, tenantId: string): Promise<void> {
  const scope = { tenantId, userIds: null };
  const series = (await qualityByBucket(db, scope, RANGE, 'week'))
    .filter((b) => b.noteCount > 0)
    .sort((a, b) => a.bucket.localeCompare(b.bucket));
  expect(series.length).toBeGreaterThan(0);
  const { rows } = await sql<Record<string, number | string>>`
    select to_char(date_trunc('week', occurred_at::date::timestamp), 'YYYY-MM-DD') as bucket,
      count(*) as note_count, count(overall) as scored_count, coalesce(sum(overall), 0) as overall,
      ${sql.join(DIMENSIONS.map((d) => sql`coalesce(sum((score->'dimensions'->>${d})::float8), 0) as ${sql.ref(d)}`))}
    from notes where tenant_id = ${tenantId} group by 1 order by 1`.execute(db);
  expect(series).toEqual(
    rows.map((r) => ({
      bucket: r.bucket,
      noteCount: Number(r.note_count),
      scoredCount: Number(r.scored_count),
      sums: Object.fromEntries(SCORE_KEYS.map((k) => [k, Number(r[k])])),
    })),
  );
  const ranks = stageRanks(defaultSettings());
  const sorted = (tallies: Awaited<ReturnType<typeof promptTallies>>) =>
    tallies.map((t) => JSON.stringify(t)).sort();
  for (const filters of [{}, { industry: 'Banking' }, { setId: SET }]) {
    expect({ filters, rows: sorted(await promptTallies(db, scope, filters, ranks)) }).toEqual({
      filters,
      rows: sorted(await promptTalliesFromRaises(db, scope, filters, ranks)),
    });
  }
}

/** The shards holding the tenant's rows of one day, and of prompt k1. */
async function shards(db: Db, tenantId: string): Promise<{ daily: number[]; raises: number[] }> {
  const distinct = async (table: string, where: ReturnType<typeof sql>) =>
    (
      await sql<{ shard: number }>`select distinct shard from ${sql.table(table)}
        where tenant_id = ${tenantId} and ${where} order by shard`.execute(db)
    ).rows.map((r) => Number(r.shard));
  return {
    daily: await distinct('analytics_tenant_daily', sql`day = ${DAY}`),
    raises: await distinct('analytics_prompt_raises', sql`prompt_key = 'k1'`),
  };
}

describe.each(DATABASE_KINDS)('sharded tenant-wide aggregates on %s', (kind) => {
  test('when several reps log notes on one day, then the day spreads over shards and the figures still equal fresh sums', async () => {
    await withDatabaseAt(kind, '0006-sharded-aggregates', async ({ db, tenantId }) => {
      const together = REPS.map((rep, i) => note(rep, i));
      await bulkInsertNotes(db, tenantId, together);
      // one statement per rep too, as the API writes them
      for (const [i, rep] of REPS.entries()) await bulkInsertNotes(db, tenantId, [note(rep, i + 10)]);
      const { daily, raises } = await shards(db, tenantId);
      expect(daily.length).toBeGreaterThan(1);
      expect(raises.length).toBeGreaterThan(1);
      await expectFiguresFresh(db, tenantId);
    });
  });

  test('when a database with aggregates from 0005 migrates, then its rows stay in shard 0 and sum with the new shards through edits and deletes', async () => {
    await withDatabaseAt(kind, '0005-analytics-aggregates', async ({ db, tenantId }) => {
      const before = REPS.slice(0, 3).map((rep, i) => note(rep, i));
      await bulkInsertNotes(db, tenantId, [...before, note(REPS[0]!, 3, '2026-03-09')]);
      await expectFiguresFresh(db, tenantId);

      await migrate(db);
      expect(await shards(db, tenantId)).toEqual({ daily: [0], raises: [0] });
      await expectFiguresFresh(db, tenantId);

      const after = REPS.map((rep, i) => note(rep, i + 20));
      await bulkInsertNotes(db, tenantId, after);
      const { daily } = await shards(db, tenantId);
      expect(daily[0]).toBe(0);
      expect(daily.length).toBeGreaterThan(2);
      await expectFiguresFresh(db, tenantId);

      // notes counted in shard 0 are taken out of their author's shard: the sums stay right
      const notes = () => db.updateTable('notes').where('tenant_id', '=', tenantId);
      await db
        .deleteFrom('notes')
        .where('tenant_id', '=', tenantId)
        .where('id', '=', before[1]!.id)
        .execute();
      await expectFiguresFresh(db, tenantId);
      await notes()
        .set({ occurred_at: '2026-02-10', overall: 90, score: sql`jsonb_set(score, '{overall}', '90')` })
        .where('id', '=', before[2]!.id)
        .execute();
      await expectFiguresFresh(db, tenantId);
      await notes().set({ opportunity_stage: 'Needs Analysis' }).execute();
      await expectFiguresFresh(db, tenantId);
      // the deal's outcome moves every raise on it
      await winOpenDeal(db, tenantId);
      await expectFiguresFresh(db, tenantId);
    });
  });

  test('when a database with notes migrates to 0019 and notes arrive in bulk, then per-phase deal counts and monthly sums equal fresh ones', async () => {
    await withDatabaseAt(kind, '0018-job-leases', async ({ db, tenantId }) => {
      const stagePhases = defaultSettings().stagePhases;
      await sql`insert into tenant_settings (tenant_id, industries, stage_phases, weights)
        values (${tenantId}, '[]', ${JSON.stringify(stagePhases)}, '{}')`.execute(db);
      await bulkInsertNotes(
        db,
        tenantId,
        REPS.map((rep, i) => note(rep, i)),
      );
      await migrate(db);
      await expectPhasesFresh(db, tenantId);
      await expectAuthorsFresh(db, tenantId);
      await bulkInsertNotes(
        db,
        tenantId,
        REPS.map((rep, i) => note(rep, i + 30)),
      );
      await expectPhasesFresh(db, tenantId);
      await expectAuthorsFresh(db, tenantId);
      // the deal's outcome moves every presence on it; a remapped stage moves its raises
      await winOpenDeal(db, tenantId);
      await expectPhasesFresh(db, tenantId);
      await sql`update tenant_settings set stage_phases = ${JSON.stringify({ ...stagePhases, Qualification: 'middle' })}
        where tenant_id = ${tenantId}`.execute(db);
      await expectPhasesFresh(db, tenantId);
    });
  });
});

/** Per author over whole months (migration 0019's monthly sums, backfilled and kept by triggers):
 * the same counts and sums as a fresh aggregate over the notes. */
async function expectAuthorsFresh(db: Db, tenantId: string): Promise<void> {
  const authors = (await qualityByAuthor(db, { tenantId, userIds: null }, RANGE))
    .map((a) => [a.authorId, a.noteCount, a.scoredCount, a.sums.overall])
    .sort();
  const { rows } = await sql<{ author_id: string; notes: string; scored: string; overall: string }>`
    select author_id, count(*) as notes, count(overall) as scored, coalesce(sum(overall), 0) as overall
    from notes where tenant_id = ${tenantId} group by author_id`.execute(db);
  expect(authors.length).toBe(REPS.length);
  expect(authors).toEqual(
    rows.map((r) => [r.author_id, Number(r.notes), Number(r.scored), Number(r.overall)]).sort(),
  );
}

/** Under each phase filter, for the tenant and a team: the figures from the per-phase aggregates
 * (migration 0019) equal a fresh count over the raises, and some closed deal is counted. */
async function expectPhasesFresh(db: Db, tenantId: string): Promise<void> {
  const { rows } = await sql<{ stage_phases: Record<string, string> }>`
    select stage_phases from tenant_settings where tenant_id = ${tenantId}`.execute(db);
  const stagePhases = rows[0]!.stage_phases;
  const ranks = stageRanks(defaultSettings());
  const sorted = (tallies: Awaited<ReturnType<typeof promptTallies>>) =>
    tallies.map((t) => JSON.stringify(t)).sort();
  let closed = 0;
  for (const userIds of [null, REPS.slice(0, 2)]) {
    for (const phase of ['early', 'middle']) {
      const scope = { tenantId, userIds };
      const filters = { phase, stages: Object.keys(stagePhases).filter((s) => stagePhases[s] === phase) };
      const aggregated = await promptTallies(db, scope, filters, ranks);
      closed += aggregated.reduce((n, t) => n + t.closed, 0);
      expect({ userIds, filters, rows: sorted(aggregated) }).toEqual({
        userIds,
        filters,
        rows: sorted(await promptTalliesFromRaises(db, scope, filters, ranks)),
      });
    }
  }
  expect(closed).toBeGreaterThan(0);
}
