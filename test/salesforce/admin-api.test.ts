// The admin API: sales ops connect the org, test it, see the sync's state, trigger a sync and
// disconnect. Secrets go in, are stored encrypted, and never come back out.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../service/src/app';
import { createLogger } from '../../service/src/platform/logger';
import { createTenant } from '../../service/src/features/tenants/tenants';
import { decryptSecret } from '../../service/src/features/salesforce/secrets';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { makeClient, OPS } from '../helpers/service';
import type { SalesforceFake } from '../salesforce-fake';
import { CLIENT_ID, INTEGRATION_USER, PRIVATE_KEY, SECRETS_KEY, logNote, startFake } from './harness';

const METRICS_TOKEN = 'a-metrics-token-for-the-scraper-only';

describe.each(DATABASE_KINDS)('Salesforce admin API on %s', (kind) => {
  let database: TestDatabase;
  let fake: SalesforceFake;
  const servers: Server[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    fake = await startFake();
  });
  afterAll(async () => {
    for (const s of servers) s.close();
    await fake.stop();
    await database.close();
  });

  async function serve(secretsKey: Buffer | undefined, allowPasswordFlow = false) {
    const { app } = createApp({
      db: database.db,
      logger: createLogger('silent'),
      salesforce: { secretsKey, allowPasswordFlow, allowLocalOrg: true },
      metrics: { token: METRICS_TOKEN, tenantLabels: true },
    });
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    servers.push(server);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const slug = `sf-${Math.random().toString(36).slice(2, 8)}`;
    const tenant = await createTenant(database.db, { slug, name: slug, withDefaultLibrary: false });
    return {
      url,
      tenantId: tenant.tenant.id,
      ops: makeClient(url, tenant.apiKey, OPS, 'salesops'),
      rep: makeClient(url, tenant.apiKey),
    };
  }

  const jwtConnection = () => ({
    loginUrl: fake.url,
    auth: { flow: 'jwt', clientId: CLIENT_ID, username: INTEGRATION_USER, privateKey: PRIVATE_KEY },
  });
  const passwordConnection = () => ({
    loginUrl: fake.url,
    auth: {
      flow: 'password',
      clientId: CLIENT_ID,
      clientSecret: 'client-secret-value',
      username: INTEGRATION_USER,
      password: 'dev-password',
    },
  });

  test('when sales ops connect with a JWT certificate, then the connection works, is shown without secrets and stored encrypted', async () => {
    const { ops, tenantId } = await serve(SECRETS_KEY);
    const put = await ops.request('PUT', '/v1/salesforce/connection', jwtConnection());
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      authFlow: 'jwt',
      clientId: CLIENT_ID,
      username: INTEGRATION_USER,
      budgetShare: 0.05,
    });
    expect(put.text).not.toContain('PRIVATE KEY');

    const test = await ops.request('POST', '/v1/salesforce/connection/test');
    expect(test.body).toMatchObject({
      ok: true,
      instanceUrl: fake.url,
      dailyApiRequests: { max: fake.dailyLimit },
    });
    const got = await ops.request('GET', '/v1/salesforce/connection');
    expect(got.body.instanceUrl).toBe(fake.url);
    expect(got.text).not.toMatch(/PRIVATE KEY|privateKey|secret/i);

    const raw = await database.db
      .selectFrom('salesforce_connections')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow();
    expect(raw.secrets).not.toContain('PRIVATE KEY');
    expect(raw.secrets).toMatch(/^v1:/);
    expect(JSON.parse(decryptSecret(SECRETS_KEY, tenantId, raw.secrets))).toEqual({
      flow: 'jwt',
      privateKey: PRIVATE_KEY,
    });
    // bound to its tenant: the same ciphertext does not open for another one
    expect(() => decryptSecret(SECRETS_KEY, '00000000-0000-0000-0000-000000000000', raw.secrets)).toThrow(
      /do not decrypt/,
    );
  });

  test('when the credentials are wrong, then the test says why', async () => {
    const { ops } = await serve(SECRETS_KEY);
    await ops.request('PUT', '/v1/salesforce/connection', {
      loginUrl: fake.url,
      auth: { flow: 'client_credentials', clientId: CLIENT_ID, clientSecret: 'wrong' },
    });
    const test = await ops.request('POST', '/v1/salesforce/connection/test');
    // the code and a message of ours: nothing the token endpoint wrote comes back
    expect(test.body).toEqual({
      ok: false,
      error: {
        code: 'invalid_client',
        message:
          'Salesforce refused the credentials: check the connected app, the integration user and the secret',
      },
    });
  });

  test('when the login URL is not a Salesforce host over https, then connecting is refused with a 400 naming loginUrl', async () => {
    const { ops } = await serve(SECRETS_KEY);
    for (const loginUrl of [
      'http://login.salesforce.com',
      'https://login.salesforce.com.evil.example',
      'https://acme.my.salesforce.com/?next=',
      'https://user:pw@acme.my.salesforce.com',
      'http://169.254.169.254',
      'not a url',
    ]) {
      const put = await ops.request('PUT', '/v1/salesforce/connection', {
        loginUrl,
        auth: { flow: 'client_credentials', clientId: CLIENT_ID, clientSecret: 'secret' },
      });
      expect({ loginUrl, status: put.status, path: put.body.error.details?.[0]?.path }).toEqual({
        loginUrl,
        status: 400,
        path: 'loginUrl',
      });
    }
    const stored = await ops.request('PUT', '/v1/salesforce/connection', {
      loginUrl: 'https://Acme--UAT.sandbox.my.salesforce.com/',
      auth: { flow: 'client_credentials', clientId: CLIENT_ID, clientSecret: 'secret' },
    });
    expect(stored.status).toBe(200);
    expect(stored.body.loginUrl).toBe('https://acme--uat.sandbox.my.salesforce.com');
  });

  test('when there is no SECRETS_KEY, a rep connects, or production uses the password flow, then it is refused clearly', async () => {
    const withoutKey = await serve(undefined);
    const refused = await withoutKey.ops.request('PUT', '/v1/salesforce/connection', jwtConnection());
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'secrets_key_missing',
      message: expect.stringMatching(/SECRETS_KEY/),
    });

    const withKey = await serve(SECRETS_KEY);
    expect((await withKey.rep.request('PUT', '/v1/salesforce/connection', jwtConnection())).status).toBe(403);
    expect((await withKey.rep.request('GET', '/v1/salesforce/status')).status).toBe(403);
    const password = await withKey.ops.request('PUT', '/v1/salesforce/connection', passwordConnection());
    expect(password.status).toBe(400);
    expect(password.body.error.details).toEqual([
      { path: 'auth.flow', message: 'not allowed in production' },
    ]);
    const insecure = await withKey.ops.request('PUT', '/v1/salesforce/connection', {
      ...jwtConnection(),
      loginUrl: 'http://login.example.com',
    });
    expect(insecure.status).toBe(400);
  });

  test('when a development org uses the password flow, then it connects', async () => {
    const { ops } = await serve(SECRETS_KEY, true);
    await ops.request('PUT', '/v1/salesforce/connection', passwordConnection());
    expect((await ops.request('POST', '/v1/salesforce/connection/test')).body.ok).toBe(true);
  });

  test('when sales ops look at the status, trigger a sync and disconnect, then the tenant is back in standalone mode', async () => {
    const { ops, tenantId, url } = await serve(SECRETS_KEY);
    expect((await ops.request('GET', '/v1/salesforce/status')).body).toEqual({ connected: false });
    await ops.request('PUT', '/v1/salesforce/connection', jwtConnection());
    await logNote(database.db, tenantId, '006000000000777AAA');
    const status = await ops.request('GET', '/v1/salesforce/status');
    expect(status.body).toMatchObject({
      connected: true,
      outbox: { pending: 1, parked: 0, parkedItems: [] },
      sync: { intervalMinutes: 15, watermarks: [] },
      apiUsage: { paused: false, budgetShare: 0.05 },
    });
    const sync = await ops.request('POST', '/v1/salesforce/sync', { retryParked: true });
    expect(sync.status).toBe(202);
    expect(sync.body).toEqual({ requested: true, requeued: 0 });

    const metrics = await (
      await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    expect(metrics).toContain(`upatnight_salesforce_outbox_items{tenant="${tenantId}",status="pending"} 1`);
    expect(metrics).toContain(`upatnight_salesforce_background_paused{tenant="${tenantId}"} 0`);
    expect((await ops.request('DELETE', '/v1/salesforce/connection')).status).toBe(204);
    expect((await ops.request('GET', '/v1/salesforce/connection')).status).toBe(404);
    expect((await ops.request('GET', '/v1/salesforce/status')).body).toEqual({ connected: false });
    await logNote(database.db, tenantId, '006000000000777AAA');
    expect(
      await database.db
        .selectFrom('salesforce_outbox')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .execute(),
    ).toEqual([]);
  });
});
