// Connections shared between tenants on a real Postgres: one tenant's long queries never hold every
// connection, and a freed connection goes to the tenant served longest ago.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { createPostgresDatabase } from '../../../../test/helpers/databases';
import { runAsTenant } from '../tenant-context';
import { FairPool } from './fair-pool';

const SLEEP_S = 0.4;

describe('FairPool', () => {
  let url: string;
  const opened: Array<Kysely<unknown>> = [];

  function open(size: number, perTenant: number) {
    const fair = new FairPool(new pg.Pool({ connectionString: url, max: size }), { size, perTenant });
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: fair }) });
    opened.push(db);
    return { db, fair };
  }

  beforeAll(async () => {
    url = await createPostgresDatabase();
  });
  afterAll(() => Promise.all(opened.map((db) => db.destroy())));

  test("when one tenant's slow queries fill its share, then another tenant's query runs at once", async () => {
    const { db, fair } = open(4, 2);
    const finished: string[] = [];
    const slow = (i: number) =>
      runAsTenant('heavy', async () => {
        await sql`select pg_sleep(${SLEEP_S})`.execute(db);
        finished.push(`heavy-${i}`);
      });
    const heavy = [0, 1, 2, 3, 4, 5].map(slow);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fair.usage().heavy).toEqual({ inUse: 2, waiting: 4 });

    await runAsTenant('light', async () => {
      await sql`select 1`.execute(db);
      finished.push('light');
    });
    await Promise.all(heavy);

    // a plain pool of 4 would have given the heavy tenant four connections, and then two more
    // before the light tenant's turn: its query would have finished after them
    expect(finished[0]).toBe('light');
    expect(fair.usage()).toEqual({});
  });

  test('when a connection frees, then it goes to the waiting tenant served longest ago', async () => {
    const { db } = open(1, 1);
    const order: string[] = [];
    const query = (tenant: string, i: number) =>
      runAsTenant(tenant, async () => {
        await sql`select pg_sleep(0.02)`.execute(db);
        order.push(`${tenant}-${i}`);
      });
    // the first tenant asks three times before the second asks once: they take turns all the same
    const first = [0, 1, 2].map((i) => query('a', i));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = [0, 1].map((i) => query('b', i));
    await Promise.all([...first, ...second]);
    expect(order).toEqual(['a-0', 'b-0', 'a-1', 'b-1', 'a-2']);
  });

  test('when a transaction fails or a connection cannot be had, then its share is given back', async () => {
    const { db, fair } = open(2, 1);
    await expect(
      runAsTenant('t', () =>
        db.transaction().execute(async (tx) => {
          await sql`select 1`.execute(tx);
          throw new Error('planned');
        }),
      ),
    ).rejects.toThrow('planned');
    await expect(runAsTenant('t', () => sql`select nonsense_column`.execute(db))).rejects.toThrow(
      'nonsense_column',
    );
    expect(fair.usage()).toEqual({});
    const result = await runAsTenant('t', () => sql<{ one: number }>`select 1 as one`.execute(db));
    expect(result.rows).toEqual([{ one: 1 }]);

    const unreachable = new FairPool(
      new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', max: 1 }),
      { size: 1, perTenant: 1 },
    );
    await expect(runAsTenant('t', () => unreachable.connect())).rejects.toThrow();
    expect(unreachable.usage()).toEqual({});
    await unreachable.end();
  });

  test('when the work is for no tenant, then it has a lane of its own with the same bound', async () => {
    const { db, fair } = open(2, 1);
    const service = sql`select pg_sleep(0.1)`.execute(db);
    const again = sql`select pg_sleep(0.1)`.execute(db);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fair.usage()['']).toEqual({ inUse: 1, waiting: 1 });
    await Promise.all([service, again]);
  });

  test('when the bound is outside 1..size, then the pool refuses to start', () => {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    expect(() => new FairPool(pool, { size: 2, perTenant: 3 })).toThrow(
      'perTenant must be between 1 and the pool size 2: 3',
    );
    expect(() => new FairPool(pool, { size: 2, perTenant: 0 })).toThrow('perTenant');
    return pool.end();
  });
});
