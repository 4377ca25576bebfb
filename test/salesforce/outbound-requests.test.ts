// Every URL the service can be made to call on a tenant's behalf is checked against the allow-list:
// the login URL (token requests and session refreshes) and, through the one transport every jsforce
// call goes through, each API the service uses (REST query, limits, sObject Collections, Bulk API
// 2.0). Each path is shown refusing a host that is not Salesforce's, a Salesforce name that resolves
// to a private address, a redirect and plain http, without the remote end ever being reached.
// Name resolution is a stub here: tests never resolve or contact anything but 127.0.0.1.
import type { LookupAddress } from 'node:dns';
import { ConfigError, loadConfig } from '../../service/src/config';
import { testConnection } from '../../service/src/features/salesforce/admin';
import {
  ConnectionFactory,
  type SalesforceSession,
} from '../../service/src/features/salesforce/connection-factory';
import {
  checkOrgBaseUrl,
  isAllowedAddress,
  type EndpointPolicy,
} from '../../service/src/features/salesforce/endpoints';
import { classifyFailure } from '../../service/src/features/salesforce/errors';
import { writeRollups } from '../../service/src/features/salesforce/rollup-writer';
import { rollupFieldsOf } from '../../service/src/features/salesforce/rollups';
import { bulkQuery, DEFAULT_SYNC_OPTIONS } from '../../service/src/features/salesforce/sync';
import { findConnection, putConnection } from '../../service/src/features/salesforce/data-access/connections';
import { openTestDatabase, type TestDatabase } from '../helpers/databases';
import type { SalesforceFake } from '../salesforce-fake';
import { connect, newTenant, newWorker, SECRETS_KEY, startFake } from './harness';

describe('which URLs are allowed', () => {
  const strict: EndpointPolicy = {};
  const local: EndpointPolicy = { allowLocalOrg: true };

  test('Salesforce login and My Domain hosts over https are allowed, as bare origins', () => {
    for (const [given, origin] of [
      ['https://login.salesforce.com', 'https://login.salesforce.com'],
      ['https://test.salesforce.com/', 'https://test.salesforce.com'],
      ['https://Acme.my.salesforce.com', 'https://acme.my.salesforce.com'],
      ['https://acme--uat.sandbox.my.salesforce.com', 'https://acme--uat.sandbox.my.salesforce.com'],
      ['https://acme-dev-ed.develop.my.salesforce.com', 'https://acme-dev-ed.develop.my.salesforce.com'],
      [
        'https://enterprise-ruby-3909-dev-ed.scratch.my.salesforce.com',
        'https://enterprise-ruby-3909-dev-ed.scratch.my.salesforce.com',
      ],
      ['https://agency.my.salesforce.mil', 'https://agency.my.salesforce.mil'],
      ['https://agency--uat.sandbox.my.salesforce.mil', 'https://agency--uat.sandbox.my.salesforce.mil'],
      ['https://acme.my.sfcrmproducts.cn', 'https://acme.my.sfcrmproducts.cn'],
    ]) {
      expect(checkOrgBaseUrl(given!, strict)).toBe(origin);
    }
  });

  test('anything else is refused: other hosts, http, ports, user information, paths, queries and fragments', () => {
    for (const url of [
      'http://login.salesforce.com',
      'https://login.salesforce.com:8443',
      'https://login.salesforce.com.evil.example',
      'https://evil.example/login.salesforce.com',
      'https://acme.my.salesforce.com.evil.example',
      'https://evilmy.salesforce.com',
      'https://a.b.my.salesforce.com',
      'https://salesforce.mil',
      'https://acme.my.salesforce.mil.evil.example',
      'https://acme.sfcrmproducts.cn',
      'https://salesforce.com',
      'https://acme.lightning.force.com',
      'https://user:pw@acme.my.salesforce.com',
      'https://acme.my.salesforce.com?',
      'https://acme.my.salesforce.com/?x=1',
      'https://acme.my.salesforce.com#frag',
      'https://acme.my.salesforce.com/services/data',
      'https://169.254.169.254',
      'https://10.0.0.1',
      'ftp://login.salesforce.com',
      'http://127.0.0.1:8080',
      'http://localhost:8080',
      'not a url',
    ]) {
      expect(() => checkOrgBaseUrl(url, strict)).toThrow(
        expect.objectContaining({ name: 'EndpointRefused' }),
      );
    }
  });

  test('the local-org setting lets in a loopback address and nothing more', () => {
    expect(checkOrgBaseUrl('http://127.0.0.1:8080', local)).toBe('http://127.0.0.1:8080');
    expect(checkOrgBaseUrl('http://localhost:8080/', local)).toBe('http://localhost:8080');
    for (const url of [
      'http://10.0.0.1',
      'http://169.254.169.254',
      'http://127.0.0.1:8080/?x',
      'http://acme.my.salesforce.com',
    ])
      expect(() => checkOrgBaseUrl(url, local)).toThrow(expect.objectContaining({ name: 'EndpointRefused' }));
  });

  test('private, shared, loopback, link-local and reserved addresses are refused in every spelling', () => {
    for (const address of [
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '127.0.0.1',
      '127.8.9.10',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd12:3456::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:a9fe:a9fe',
      '::ffff:10.0.0.1',
    ]) {
      expect({ address, allowed: isAllowedAddress(address, {}) }).toEqual({ address, allowed: false });
    }
    for (const address of ['13.108.0.1', '85.222.128.1', '2606:4700::1'])
      expect({ address, allowed: isAllowedAddress(address, {}) }).toEqual({ address, allowed: true });
    // the local fake's loopback, and only loopback, with the setting
    expect(isAllowedAddress('127.0.0.1', { allowLocalOrg: true })).toBe(true);
    expect(isAllowedAddress('::1', { allowLocalOrg: true })).toBe(true);
    expect(isAllowedAddress('10.0.0.1', { allowLocalOrg: true })).toBe(false);
  });

  test('production refuses the local-org setting at start, naming it', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://localhost/x' };
    expect(() => loadConfig({ ...production, SALESFORCE_ALLOW_LOCAL_ORG: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...production, SALESFORCE_ALLOW_LOCAL_ORG: 'true' })).toThrow(
      /SALESFORCE_ALLOW_LOCAL_ORG: the local Salesforce fake is for development and tests/,
    );
    expect(
      loadConfig({ NODE_ENV: 'test', SALESFORCE_ALLOW_LOCAL_ORG: 'true' }).salesforce.allowLocalOrg,
    ).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).salesforce.allowLocalOrg).toBe(false);
  });
});

describe('every outbound call is checked', () => {
  let database: TestDatabase;
  let fake: SalesforceFake;
  let tenantId: string;
  let opportunityId: string;
  let asked: string[];

  /** Answers Salesforce-looking names with addresses an attacker could point them at. */
  const resolve = async (hostname: string): Promise<LookupAddress[]> => {
    asked.push(hostname);
    const answers: Record<string, string[]> = {
      'internal.my.salesforce.com': ['10.0.0.7'],
      'metadata.my.salesforce.com': ['169.254.169.254'],
      // one public and one private answer (DNS rebinding): every address is checked
      'rebind.my.salesforce.com': ['13.108.0.1', '10.0.0.8'],
      localhost: ['127.0.0.1'],
    };
    const found = answers[hostname];
    if (!found) throw Object.assign(new Error(`no stub answer for ${hostname}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  const policy = (): EndpointPolicy => ({ allowLocalOrg: true, resolve });
  const factory = () =>
    new ConnectionFactory(database.db, {
      secretsKey: SECRETS_KEY,
      requestTimeoutMs: 2000,
      endpoints: policy(),
    });

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(async () => {
    asked = [];
    fake = await startFake();
    fake.org.generate({ opportunities: 3, users: 1 });
    opportunityId = [...fake.org.table('Opportunity').keys()][0]!;
    tenantId = await newTenant(database.db);
    await connect(database.db, fake, tenantId);
  });
  afterEach(async () => {
    await fake.stop();
  });

  const failureOf = async (work: Promise<unknown>) => {
    const error = await work.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    return classifyFailure(error);
  };

  /** Stores a login URL as an older version of the service might have, bypassing today's check. */
  async function storeLoginUrl(loginUrl: string) {
    const record = (await findConnection(database.db, tenantId))!;
    await putConnection(database.db, { ...record, loginUrl });
    return (await findConnection(database.db, tenantId))!;
  }

  // ---- the token endpoint (login and every session refresh) ----------------------------------

  test.each([
    ['a host that is not Salesforce', 'https://attacker.example', 'ENDPOINT_REFUSED'],
    ['plain http', 'http://login.salesforce.com', 'ENDPOINT_REFUSED'],
    [
      'a My Domain name that resolves to a private address',
      'https://internal.my.salesforce.com',
      'ADDRESS_REFUSED',
    ],
    [
      'a My Domain name that resolves to the metadata service',
      'https://metadata.my.salesforce.com',
      'ADDRESS_REFUSED',
    ],
    [
      'a name that resolves to a public and a private address',
      'https://rebind.my.salesforce.com',
      'ADDRESS_REFUSED',
    ],
  ])('login: %s is refused before anything is sent', async (_what, loginUrl, code) => {
    const record = await storeLoginUrl(loginUrl);
    const failure = await failureOf(factory().open(record));
    expect([failure.kind, failure.code]).toEqual(['refused', code]);
    expect(fake.requests).toEqual([]);
  });

  test('login: without the local-org setting the local fake itself is refused', async () => {
    const record = (await findConnection(database.db, tenantId))!;
    const strict = new ConnectionFactory(database.db, { secretsKey: SECRETS_KEY, endpoints: {} });
    const failure = await failureOf(strict.open(record));
    expect([failure.kind, failure.code]).toEqual(['refused', 'ENDPOINT_REFUSED']);
    expect(fake.requests).toEqual([]);
  });

  test('login: a redirect from the token endpoint is refused, not followed', async () => {
    fake.inject('redirect', { match: /oauth2\/token/ });
    const failure = await failureOf(factory().open((await findConnection(database.db, tenantId))!));
    expect([failure.kind, failure.code]).toEqual(['refused', 'REDIRECT_REFUSED']);
    expect(fake.requests).toEqual([{ method: 'POST', path: '/services/oauth2/token' }]);
  });

  test.each([
    ['a query that would swallow every API path', (url: string) => `${url}?`],
    ['a query with a value', (url: string) => `${url}/?next=`],
    ['a path', (url: string) => `${url}/services/data/v62.0/sobjects`],
    ['a fragment', (url: string) => `${url}#`],
    ['user information', (url: string) => url.replace('http://', 'http://user:pw@')],
    ['another host', () => 'https://attacker.example'],
    ['a private address', () => 'http://10.0.0.1'],
    ['the metadata service', () => 'http://169.254.169.254'],
    ['not a URL', () => 'instance'],
  ])('instance_url: %s is refused, never stored and never called', async (_what, makeUrl) => {
    fake.instanceUrl = makeUrl(fake.url);
    const failure = await failureOf(factory().open((await findConnection(database.db, tenantId))!));
    expect([failure.kind, failure.code]).toEqual(['refused', 'INVALID_INSTANCE_URL']);
    expect((await findConnection(database.db, tenantId))!.instanceUrl).toBeNull();
    // the token request and nothing after it
    expect(fake.requests.map((r) => r.path)).toEqual(['/services/oauth2/token']);
  });

  test('instance_url: the background worker pauses on a refused address and calls nothing', async () => {
    fake.instanceUrl = 'http://169.254.169.254';
    const worker = newWorker(database.db);
    const tick = await worker.runTenant(tenantId);
    expect([tick.failure?.kind, tick.failure?.code]).toEqual(['refused', 'INVALID_INSTANCE_URL']);
    expect(fake.calls).toEqual([]);
    // paused: the next tick neither logs in again nor calls the address
    const again = await worker.runTenant(tenantId);
    expect(again.paused).toMatch(/refused: INVALID_INSTANCE_URL/);
    expect(fake.requests.map((r) => r.path)).toEqual(['/services/oauth2/token']);
  });

  test('the connection test answers a code and a message of its own, never what the remote end wrote', async () => {
    const options = { secretsKey: SECRETS_KEY, allowPasswordFlow: true, allowLocalOrg: true };
    fake.instanceUrl = 'http://10.0.0.1/?';
    expect(await testConnection(database.db, options, tenantId)).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INSTANCE_URL',
        message: expect.stringMatching(/^the token response's instance_url is refused: /),
      },
    });
    fake.instanceUrl = undefined;
    fake.inject('unavailable', { html: true, match: /limits/ });
    const outage = await testConnection(database.db, options, tenantId);
    expect(outage).toEqual({
      ok: false,
      error: {
        code: 'ERROR_HTTP_503',
        message: 'Salesforce did not answer or is unavailable; try again later',
      },
    });
    expect(JSON.stringify(outage)).not.toMatch(/<|Service Unavailable/);
  });

  // ---- the API calls, each through the one transport -----------------------------------------

  const PATHS: Array<[string, RegExp, (session: SalesforceSession) => Promise<unknown>]> = [
    ['REST query', /\/query/, async (s) => await s.conn.query('SELECT Id FROM User')],
    ['limits', /\/limits/, (s) => s.conn.limits()],
    [
      'sObject Collections',
      /composite\/sobjects/,
      (s) =>
        writeRollups(s.conn, [
          { opportunityId, fields: rollupFieldsOf({ opportunityId, noteCount: 0, latest: null } as never) },
        ]),
    ],
    [
      'Bulk API 2.0',
      /jobs\/query/,
      (s) =>
        bulkQuery(s.conn, 'SELECT Id FROM Opportunity', { ...DEFAULT_SYNC_OPTIONS, bulkPollIntervalMs: 10 }),
    ],
  ];

  async function sessionWithInstance(instanceUrl?: string): Promise<SalesforceSession> {
    const session = await factory().open((await findConnection(database.db, tenantId))!);
    // as if something other than a checked token response had set it: the transport is the last gate
    if (instanceUrl) session.conn.instanceUrl = instanceUrl;
    fake.requests.length = 0;
    asked = [];
    return session;
  }

  describe.each(PATHS)('%s', (_name, route, call) => {
    test('works against the allowed local fake (the control)', async () => {
      const session = await sessionWithInstance();
      await call(session);
      expect(fake.requests.some((r) => route.test(r.path))).toBe(true);
    });

    test.each([
      ['a host that is not Salesforce', 'https://attacker.example', 'ENDPOINT_REFUSED', false],
      ['plain http to a Salesforce host', 'http://acme.my.salesforce.com', 'ENDPOINT_REFUSED', false],
      [
        'a Salesforce name with a private address',
        'https://internal.my.salesforce.com',
        'ADDRESS_REFUSED',
        true,
      ],
      ['a rebinding name', 'https://rebind.my.salesforce.com', 'ADDRESS_REFUSED', true],
    ])('refuses %s', async (_what, instanceUrl, code, resolved) => {
      const session = await sessionWithInstance(instanceUrl);
      const failure = await failureOf(call(session));
      expect([failure.kind, failure.code]).toEqual(['refused', code]);
      expect(asked.length > 0).toBe(resolved);
      expect(fake.requests).toEqual([]);
    });

    test('refuses a redirect and does not follow it', async () => {
      const session = await sessionWithInstance();
      fake.inject('redirect', { match: route });
      const failure = await failureOf(call(session));
      expect([failure.kind, failure.code]).toEqual(['refused', 'REDIRECT_REFUSED']);
      expect(fake.requests.filter((r) => r.path.startsWith('/moved'))).toEqual([]);
    });
  });

  test('a session refresh goes through the same check as the first login', async () => {
    const session = await sessionWithInstance();
    fake.expireSessions();
    fake.instanceUrl = 'https://attacker.example';
    const failure = await failureOf(Promise.resolve(session.conn.query('SELECT Id FROM User')));
    expect(failure.kind === 'refused' || failure.kind === 'auth').toBe(true);
    expect(failure.message).toMatch(/instance_url is refused/);
    expect(fake.requests.map((r) => r.path)).toEqual([
      '/services/data/v62.0/query',
      '/services/oauth2/token',
    ]);
  });
});
