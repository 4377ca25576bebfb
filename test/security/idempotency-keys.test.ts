// Idempotency-Key values are the caller's choice: only a digest of each is stored, keys stored in
// clear before migration 0010 are converted, and malformed keys get a 400 naming the header.
import { randomUUID } from 'node:crypto';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { PGlite as PGliteInstance } from '@electric-sql/pglite';
import { runIdempotent } from '../../service/src/platform/idempotency/idempotency';
import { migrate, type Db } from '../../service/src/platform/database/database';
import { migrationProvider } from '../../service/src/platform/database/migrations';
import { PGliteDialect } from '../../service/src/platform/database/pglite-dialect';
import type { Database } from '../../service/src/platform/database/schema';
import { sha256 } from '../../service/src/platform/lib/stable-hash';
import { createPostgresDatabase, DATABASE_KINDS, type DatabaseKind } from '../helpers/databases';
import { OPPORTUNITY, OPS, samplePrompt, startTestService, type TestService } from '../helpers/service';

async function storedRows(db: Db): Promise<string> {
  const { rows } = await sql<{ row: unknown }>`select to_jsonb(k) as row from idempotency_keys k`.execute(db);
  return JSON.stringify(rows);
}

describe.each(DATABASE_KINDS)('idempotency keys on %s', (kind) => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(async () => {
    await service.close();
  });

  test('when notes and prompt sets are written with a key, then only its digest is stored and retries replay', async () => {
    const noteKey = `note-key-${randomUUID()}`;
    const setKey = `set-key-${randomUUID()}`;
    const body = { opportunityId: OPPORTUNITY.id, opportunity: OPPORTUNITY, summary: 'Keyed note.' };
    const note = await service.client.request('POST', '/v1/notes', body, { 'idempotency-key': noteKey });
    expect(note.status).toBe(201);
    const ops = service.client.as(OPS, 'salesops');
    const set = { name: 'Keyed set', prompts: [samplePrompt('keyed')] };
    expect((await ops.request('POST', '/v1/prompt-sets', set, { 'idempotency-key': setKey })).status).toBe(
      201,
    );

    const stored = await storedRows(service.db);
    for (const key of [noteKey, setKey]) {
      expect(stored).not.toContain(key);
      expect(stored).toContain(sha256(key));
    }
    const again = await service.client.request('POST', '/v1/notes', body, { 'idempotency-key': noteKey });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(note.body);
    const setAgain = await ops.request('POST', '/v1/prompt-sets', set, { 'idempotency-key': setKey });
    expect(setAgain.headers.get('idempotent-replayed')).toBe('true');
  });

  test.each([
    ['longer than 200 characters', 'k'.repeat(201)],
    ['with a space', 'two words'],
    ['with a non-ASCII character', 'clé'],
  ])('when the key is %s, then it is a 400 naming the header and nothing is stored', async (_what, key) => {
    const before = await storedRows(service.db);
    const reply = await service.client.request(
      'POST',
      '/v1/notes',
      { opportunityId: OPPORTUNITY.id, summary: 'Badly keyed.' },
      // fetch would refuse a non-Latin-1 header value: send its UTF-8 bytes as Latin-1, as a raw client does
      { 'idempotency-key': Buffer.from(key, 'utf8').toString('latin1') },
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error.details[0].path).toBe('headers.idempotency-key');
    expect(reply.body.error.message).toMatch(/Idempotency-Key/);
    expect(await storedRows(service.db)).toBe(before);
  });
});

/** A database migrated up to `migration` only. */
async function openAt(kind: DatabaseKind, migration: string): Promise<Db> {
  let db: Db;
  if (kind === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    db = new Kysely<Database>({
      dialect: new PGliteDialect((await PGlite.create()) as unknown as PGliteInstance),
    });
  } else {
    const pool = new pg.Pool({ connectionString: await createPostgresDatabase(), max: 2 });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo(migration);
  if (error) throw error;
  return db;
}

describe.each(DATABASE_KINDS)('migration 0010 on %s', (kind) => {
  test('when keys were stored in clear, then they become digests and a retry across the upgrade still replays', async () => {
    const db = await openAt(kind, '0008-skip-empty-statements');
    try {
      const tenantId = randomUUID();
      await db
        .insertInto('tenants')
        .values({ id: tenantId, slug: `t-${tenantId}`, name: 'Upgrade' })
        .execute();
      const request = { summary: 'before the upgrade' };
      const clearKeys = ['retry-before-upgrade', sha256('a-key-whose-digest-is-another-key')];
      for (const key of [...clearKeys, 'a-key-whose-digest-is-another-key']) {
        await sql`insert into idempotency_keys (tenant_id, key, request_hash, status_code, body)
          values (${tenantId}, ${key}, ${sha256(JSON.stringify(request))}, 201, ${JSON.stringify({ answer: key.length })}::jsonb)`.execute(
          db,
        );
      }
      await migrate(db);

      const stored = await storedRows(db);
      expect(stored).not.toContain('retry-before-upgrade');
      expect(stored).toContain(sha256('retry-before-upgrade'));
      const count = await sql<{ n: number }>`select count(*)::int as n from idempotency_keys`.execute(db);
      expect(count.rows[0]!.n).toBe(3);
      let ran = false;
      const replayed = await runIdempotent(db, tenantId, 'retry-before-upgrade', request, async () => {
        ran = true;
        return { status: 201, body: {} };
      });
      expect(ran).toBe(false);
      expect(replayed).toEqual({ status: 201, body: { answer: 20 }, replayed: true });
    } finally {
      await db.destroy();
    }
  });
});
