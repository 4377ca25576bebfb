import {
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
} from 'kysely';
import type { Database } from './schema';
import { fixedStatement, preparedName } from './fixed-statement';

/** A database that records what it is sent and answers one row. */
function recordingDb() {
  const sent: CompiledQuery[] = [];
  const connection: DatabaseConnection = {
    executeQuery: async (query) => {
      sent.push(query);
      return { rows: [{ ok: true }] as never[] };
    },
    streamQuery: () => {
      throw new Error('not used');
    },
  };
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: async () => {},
    commitTransaction: async () => {},
    rollbackTransaction: async () => {},
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (kysely) => new PostgresIntrospector(kysely),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return { db, sent };
}

describe('fixedStatement', () => {
  it('when run twice, then it is built once and each run sends its own values in place', async () => {
    const { db, sent } = recordingDb();
    const build = jest.fn(
      ({ tenantId, input }: { tenantId: string; input: string }) =>
        sql<{ ok: boolean }>`select ${tenantId}::uuid, ${input}::jsonb, ${'constant'}, ${tenantId}`,
    );
    const statement = fixedStatement(['tenantId', 'input'], build);

    expect(await statement(db, { tenantId: 't1', input: '[1]' })).toEqual([{ ok: true }]);
    await statement(db, { tenantId: 't2', input: '[2]' });

    expect(build).toHaveBeenCalledTimes(1);
    expect(sent.map((q) => q.sql)).toEqual([
      'select $1::uuid, $2::jsonb, $3, $4',
      'select $1::uuid, $2::jsonb, $3, $4',
    ]);
    expect(sent.map((q) => q.parameters)).toEqual([
      ['t1', '[1]', 'constant', 't1'],
      ['t2', '[2]', 'constant', 't2'],
    ]);
    expect(preparedName(sent[0]!.sql)).toMatch(/^fixed_[0-9a-f]{16}$/);
    expect(preparedName('select 1')).toBeUndefined();
  });

  it('when a value is not sent as a parameter, then the statement refuses to run', async () => {
    const { db, sent } = recordingDb();
    const statement = fixedStatement(
      ['tenantId', 'unused'],
      ({ tenantId }: { tenantId: string; unused: string }) => sql`select ${tenantId}`,
    );

    await expect(statement(db, { tenantId: 't', unused: 'u' })).rejects.toThrow(
      'a fixed statement must send unused as parameters',
    );
    expect(sent).toEqual([]);
  });
});
