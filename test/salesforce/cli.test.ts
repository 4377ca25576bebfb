// When an admin connects a tenant to its org with `upatnight sf …` against an embedded data directory:
// connect, test, sync, status and disconnect, end to end against the local Salesforce fake. PGlite is
// single-process: the data directory is only opened here while no CLI runs.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../service/src/platform/database/database';
import { findTenant } from '../../service/src/features/tenants/tenants';
import { findOpportunity } from '../../service/src/features/opportunities/repository';
import { listUsers } from '../../service/src/features/users/repository';
import { startSalesforceFake, type SalesforceFake } from '../salesforce-fake';
import { cliRunner } from './cli-runner';

const TENANT = 'sf-cli';
const CLIENT_ID = '3MVG9fake.cli.connected.app';
const CLIENT_SECRET = `cli-secret-${randomBytes(16).toString('hex')}`;
const WRONG_SECRET = `wrong-secret-${randomBytes(16).toString('hex')}`;
const SECRETS_KEY = randomBytes(32).toString('base64');

let dataDir: string;
let fake: SalesforceFake;
const { run, killAll, outputs } = cliRunner(() => ({
  DATA_DIR: dataDir,
  DATABASE_URL: '',
  SECRETS_KEY,
  UAN_SF_CLIENT_SECRET: CLIENT_SECRET,
}));

const connectArgs = (secretEnv = 'UAN_SF_CLIENT_SECRET') => [
  'sf',
  'connect',
  '--tenant',
  TENANT,
  '--login-url',
  fake.url,
  '--flow',
  'client_credentials',
  '--client-id',
  CLIENT_ID,
  '--client-secret-env',
  secretEnv,
];

/** Opens the data directory while no CLI runs, and closes it again. */
async function withData<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase({ kind: 'pglite', dataDir });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'upatnight-sf-cli-'));
  fake = await startSalesforceFake({ dailyLimit: 15_000 });
  fake.registerClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  fake.org.generate({ opportunities: 12, users: 4 });
});
afterAll(async () => {
  killAll();
  await fake?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});
afterEach(() => fake.clearFaults());

// each CLI run opens PGlite and runs migrations: several seconds apiece on a loaded machine
const TIMEOUT = 600_000;

test(
  'connect, test, sync, status and disconnect a tenant through the CLI',
  async () => {
    expect((await run(['tenant', 'create', TENANT, '--name', 'SF CLI'])).status).toBe(0);

    const connected = await run(connectArgs());
    expect(connected.stderr).toBe('');
    expect(connected.status).toBe(0);
    expect(connected.stdout).toContain(`connected ${TENANT} (client_credentials, ${fake.url})`);
    expect(fake.tokensIssued).toBe(0); // storing the connection does not log in

    const tested = await run(['sf', 'test', '--tenant', TENANT]);
    expect(tested.status).toBe(0);
    expect(JSON.parse(tested.stdout)).toEqual({
      ok: true,
      instanceUrl: fake.url,
      dailyApiRequests: { max: 15_000, remaining: 15_000 - fake.usage },
    });
    expect(fake.tokensIssued).toBe(1);
    expect(fake.callCount(/GET .*\/limits$/)).toBe(1);

    const callsBefore = fake.callCount();
    const synced = await run(['sf', 'sync', '--tenant', TENANT]);
    expect(synced.status).toBe(0);
    expect(synced.stdout).toMatch(/User: 4 records \(query\), watermark \S+/);
    expect(synced.stdout).toMatch(/Opportunity: 12 records \(query\), watermark \S+/);
    const syncCalls = fake.callCount() - callsBefore;
    expect(syncCalls).toBeGreaterThan(0);

    const status = await run(['sf', 'status', '--tenant', TENANT]);
    expect(status.status).toBe(0);
    const view = JSON.parse(status.stdout);
    expect(view).toMatchObject({
      connected: true,
      outbox: { pending: 0, parked: 0, parkedItems: [] },
      sync: {
        lastRunAt: expect.any(String),
        lastError: null,
        running: false,
        intervalMinutes: 15,
        watermarks: [
          { sobject: 'User', recordsSynced: 4 },
          { sobject: 'Opportunity', recordsSynced: 12 },
        ],
      },
      apiUsage: {
        orgUsed: fake.usage,
        dailyLimit: 15_000,
        // the test's /limits call and the sync's calls; token requests are not API calls
        ownCalls24h: 1 + syncCalls,
        budgetShare: 0.05,
        paused: false,
      },
    });
    expect(Date.now() - Date.parse(view.sync.lastRunAt)).toBeLessThan(120_000);

    // the org is down: the test says so and fails
    fake.inject('unavailable', { times: 1000 });
    const down = await run(['sf', 'test', '--tenant', TENANT]);
    expect(down.status).not.toBe(0);
    expect(JSON.parse(down.stdout)).toEqual({
      ok: false,
      error: {
        code: 'SERVER_UNAVAILABLE',
        message: 'Salesforce did not answer or is unavailable; try again later',
      },
    });
    fake.clearFaults();

    const disconnected = await run(['sf', 'disconnect', '--tenant', TENANT]);
    expect(disconnected.status).toBe(0);
    expect(disconnected.stdout).toContain(`disconnected ${TENANT}`);

    // read from the data directory now that no CLI holds it: the connection is gone, what the sync
    // brought in stays
    await withData(async (db) => {
      const tenantId = (await findTenant(db, TENANT))!.id;
      expect(
        await db.selectFrom('salesforce_connections').selectAll().where('tenant_id', '=', tenantId).execute(),
      ).toEqual([]);
      const users = await listUsers(db, tenantId);
      expect(users.map((u) => u.id).sort()).toEqual([...fake.org.table('User').keys()].sort());
      const opps = [...fake.org.table('Opportunity').values()];
      expect(opps).toHaveLength(12);
      for (const opp of opps) {
        expect(await findOpportunity(db, tenantId, opp.Id)).toMatchObject({
          id: opp.Id,
          name: opp.Name,
          stage: opp.StageName,
          isWon: opp.IsWon,
          ownerId: opp.OwnerId,
          recordType: 'New Business',
        });
      }
    });
  },
  TIMEOUT,
);

test(
  'a wrong client secret fails the test and the sync with a clear message, and no secret is ever printed',
  async () => {
    const wrong = await run(connectArgs('UAN_SF_WRONG_SECRET'), { UAN_SF_WRONG_SECRET: WRONG_SECRET });
    expect(wrong.status).toBe(0); // stored, not yet tried
    const tokens = fake.tokensIssued;
    const failed = await run(['sf', 'test', '--tenant', TENANT]);
    expect(failed.status).not.toBe(0);
    expect(JSON.parse(failed.stdout)).toEqual({
      ok: false,
      error: {
        code: 'invalid_client',
        message:
          'Salesforce refused the credentials: check the connected app, the integration user and the secret',
      },
    });
    const syncFailed = await run(['sf', 'sync', '--tenant', TENANT]);
    expect(syncFailed.status).not.toBe(0);
    expect(syncFailed.stderr).toBe('upatnight: sf sync failed: invalid_client: invalid client credentials\n');
    expect(fake.tokensIssued).toBe(tokens);

    // nothing the CLI printed, in either test, holds a secret
    expect(outputs.length).toBeGreaterThanOrEqual(2 * 10); // stdout and stderr of 10 runs
    for (const output of outputs) {
      expect(output).not.toContain(CLIENT_SECRET);
      expect(output).not.toContain(WRONG_SECRET);
      expect(output).not.toContain(SECRETS_KEY);
    }
  },
  TIMEOUT,
);
