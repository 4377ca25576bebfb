// Every failure the Salesforce fake can produce, for every `sf` command that calls the org (test and
// sync; connect, status and disconnect only touch the database): a non-zero exit and a line on
// stderr naming what failed, never an HTML page. The CLI runs against Postgres here, which starts
// far faster than an embedded data directory for each of the many runs.
import { randomBytes } from 'node:crypto';
import { createPostgresDatabase } from '../helpers/databases';
import { startSalesforceFake, type SalesforceFake } from '../salesforce-fake';
import { cliRunner } from './cli-runner';

const TENANT = 'sf-failures';
const CLIENT_ID = '3MVG9fake.cli.failures';
const CLIENT_SECRET = `cli-secret-${randomBytes(16).toString('hex')}`;
const SECRETS_KEY = randomBytes(32).toString('base64');
const TIMEOUT = 600_000;

let databaseUrl: string;
let fake: SalesforceFake;
const { run, killAll } = cliRunner(() => ({
  DATABASE_URL: databaseUrl,
  SECRETS_KEY,
  UAN_SF_CLIENT_SECRET: CLIENT_SECRET,
}));

const connectArgs = (loginUrl: string) => [
  'sf',
  'connect',
  '--tenant',
  TENANT,
  '--login-url',
  loginUrl,
  '--flow',
  'client_credentials',
  '--client-id',
  CLIENT_ID,
  '--client-secret-env',
  'UAN_SF_CLIENT_SECRET',
];

const FAILURES: Array<[string, (f: SalesforceFake) => void, RegExp]> = [
  [
    'the token endpoint refuses the grant type',
    (f) => f.inject('tokenError', { error: 'unsupported_grant_type', times: 10 }),
    /unsupported_grant_type/,
  ],
  [
    'the token endpoint refuses the client',
    (f) => f.inject('tokenError', { error: 'invalid_client', times: 10 }),
    /invalid_client/,
  ],
  [
    'the token endpoint refuses the grant',
    (f) => f.inject('tokenError', { error: 'invalid_grant', times: 10 }),
    /invalid_grant/,
  ],
  [
    'the token endpoint redirects',
    (f) => f.inject('redirect', { match: /oauth2\/token/, times: 10 }),
    /REDIRECT_REFUSED/,
  ],
  [
    'the token endpoint answers an HTML outage page',
    (f) => f.inject('unavailable', { match: /oauth2\/token/, html: true, times: 10 }),
    /ERROR_HTTP_503/,
  ],
  [
    'the token endpoint drops the connection',
    (f) => f.inject('lostResponse', { match: /oauth2\/token/, times: 10 }),
    /ECONNRESET|socket|did not answer/,
  ],
  [
    'the token response names another instance',
    (f) => (f.instanceUrl = 'http://169.254.169.254'),
    /INVALID_INSTANCE_URL/,
  ],
  [
    'the org is down (JSON)',
    (f) => f.inject('unavailable', { html: false, times: 1000 }),
    /SERVER_UNAVAILABLE/,
  ],
  [
    'the org is down (an HTML page)',
    (f) => f.inject('unavailable', { html: true, times: 1000 }),
    /ERROR_HTTP_503/,
  ],
  ['the org is over its API limit', (f) => f.inject('limit', { times: 1000 }), /REQUEST_LIMIT_EXCEEDED/],
  [
    'the org redirects API calls',
    (f) => f.inject('redirect', { match: /services\/data/, times: 1000 }),
    /REDIRECT_REFUSED/,
  ],
  [
    'answers from the org are lost',
    (f) => f.inject('lostResponse', { times: 1000 }),
    /ECONNRESET|socket|did not answer/,
  ],
];

describe('every sf command fails loudly', () => {
  beforeAll(async () => {
    databaseUrl = await createPostgresDatabase();
    fake = await startSalesforceFake();
    fake.registerClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    fake.org.generate({ opportunities: 4, users: 2 });
    expect((await run(['tenant', 'create', TENANT, '--name', 'SF failures'])).status).toBe(0);
    const connected = await run(connectArgs(fake.url));
    expect(connected.status).toBe(0);
    // the control: with no failure planted, both commands succeed
    expect((await run(['sf', 'test', '--tenant', TENANT])).status).toBe(0);
    expect((await run(['sf', 'sync', '--tenant', TENANT])).status).toBe(0);
  }, TIMEOUT);
  afterAll(async () => {
    killAll();
    await fake?.stop();
  });
  afterEach(() => {
    fake.clearFaults();
    fake.instanceUrl = undefined;
  });

  test.each(FAILURES)(
    'when %s, sf test and sf sync exit non-zero and say what failed',
    async (what, plant, code) => {
      plant(fake);
      // the token errors are the case a second sync once passed silently; one sync shows the rest
      const runs = /token/.test(what) ? [['test'], ['sync'], ['sync']] : [['test'], ['sync']];
      for (const args of runs) {
        const result = await run(['sf', ...args, '--tenant', TENANT]);
        expect({ args, status: result.status === 0 ? 0 : 'failed' }).toEqual({ args, status: 'failed' });
        expect(result.stderr).toMatch(new RegExp(`^upatnight: sf ${args[0]} failed: `));
        expect(result.stderr).toMatch(code);
        expect(result.stderr).not.toMatch(/<html|<!DOCTYPE/i);
      }
    },
    TIMEOUT,
  );

  test(
    'a login URL that is not a Salesforce host is refused by sf connect, naming the URL rule',
    async () => {
      const refused = await run(connectArgs('http://169.254.169.254'));
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toMatch(/^upatnight: loginUrl is refused: /);
    },
    TIMEOUT,
  );
});
