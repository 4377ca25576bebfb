// The fake refuses what a real org refuses. Each test plants one mistake in a request, made over
// HTTP the way any client would, and checks the fake answers as the REST API and Bulk API 2.0 guides
// say Salesforce does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFieldMeta, PACKAGE_FIELDS_DIR } from './fields';
import { toId18 } from './ids';
import { startSalesforceFake, type SalesforceFake } from './index';

const CLIENT_ID = '3MVG9fake.strict';
const CLIENT_SECRET = 'strict-secret';
const API = '/services/data/v62.0';

let fake: SalesforceFake;
let token: string;
let opps: string[];

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${fake.url}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as any };
}

const patch = (records: Array<Record<string, unknown>>, allOrNone = false) =>
  call('PATCH', `${API}/composite/sobjects`, {
    allOrNone,
    records: records.map((r) => ({ attributes: { type: 'Opportunity' }, ...r })),
  });

const query = (soql: string) => call('GET', `${API}/query?q=${encodeURIComponent(soql)}`);

async function login(body: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${fake.url}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(body).toString(),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as any };
}

beforeEach(async () => {
  fake = await startSalesforceFake({ dailyLimit: 1000 });
  fake.registerClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  fake.org.generate({ opportunities: 3, users: 1 });
  opps = [...fake.org.table('Opportunity').keys()];
  token = (
    await login({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET })
  ).json.access_token;
});
afterEach(async () => {
  await fake.stop();
});

describe('sObject Collections: values are checked against the field types in force-app', () => {
  test('the types come from the field metadata, whatever the order of its elements', () => {
    const file = path.join(PACKAGE_FIELDS_DIR, 'UAN_Last_Reaction__c.field-meta.xml');
    const xml = readFileSync(file, 'utf8');
    const parsed = parseFieldMeta(xml);
    expect(parsed.type).toMatchObject({ kind: 'picklist', restricted: true });
    expect(parsed.type.kind === 'picklist' && parsed.type.values).toContain('new_to_them');
    // the same elements in reverse order describe the same field
    const body = /<CustomField[^>]*>([\s\S]*)<\/CustomField>/.exec(xml)![1]!;
    const elements = body.match(/<(\w+)>[\s\S]*?<\/\1>/g)!;
    const reordered = `<CustomField>${[...elements].reverse().join('\n')}</CustomField>`;
    expect(parseFieldMeta(reordered)).toEqual(parsed);
    expect(
      parseFieldMeta(
        readFileSync(path.join(PACKAGE_FIELDS_DIR, 'UAN_Conversation_Score__c.field-meta.xml'), 'utf8'),
      ),
    ).toEqual({ name: 'UAN_Conversation_Score__c', type: { kind: 'number', precision: 3, scale: 0 } });
  });

  test('a Date field refuses a datetime: the request cannot be read (JSON_PARSER_ERROR)', async () => {
    const answer = await patch([{ id: opps[0], UAN_Last_Conversation_Date__c: '2026-11-20T10:00:00.000Z' }]);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual([
      { errorCode: 'JSON_PARSER_ERROR', message: expect.stringContaining('date') },
    ]);
    expect(fake.writes).toEqual([]);
    expect(
      (await patch([{ id: opps[0], UAN_Last_Conversation_Date__c: '2026-11-20' }])).json[0].success,
    ).toBe(true);
  });

  test('a Number(3,0) refuses values out of range or with decimals (NUMBER_OUTSIDE_VALID_RANGE), per record', async () => {
    const answer = await patch([
      { id: opps[0], UAN_Conversation_Score__c: 1000 },
      { id: opps[1], UAN_Conversation_Score__c: 12.5 },
      { id: opps[2], UAN_Conversation_Score__c: 999 },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.json.map((r: any) => r.success || r.errors[0].statusCode)).toEqual([
      'NUMBER_OUTSIDE_VALID_RANGE',
      'NUMBER_OUTSIDE_VALID_RANGE',
      true,
    ]);
    expect(answer.json[0].errors[0].fields).toEqual(['UAN_Conversation_Score__c']);
    expect(fake.writes.map((w) => w.id)).toEqual([opps[2]]);
  });

  test('a non-numeric value for a number is JSON_PARSER_ERROR for the whole request', async () => {
    const answer = await patch([
      { id: opps[0], UAN_Conversation_Count__c: 'three' },
      { id: opps[1], UAN_Conversation_Count__c: 3 },
    ]);
    expect(answer.status).toBe(400);
    expect(answer.json[0].errorCode).toBe('JSON_PARSER_ERROR');
    expect(fake.writes).toEqual([]);
  });

  test('a restricted picklist refuses an unknown value (INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST) and takes null', async () => {
    const answer = await patch([
      { id: opps[0], UAN_Last_Reaction__c: 'Dismissed' },
      { id: opps[1], UAN_Last_Reaction__c: null },
    ]);
    expect(answer.json[0]).toEqual({
      success: false,
      errors: [
        {
          statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
          message: expect.stringContaining('Dismissed'),
          fields: ['UAN_Last_Reaction__c'],
        },
      ],
    });
    expect(answer.json[1].success).toBe(true);
  });

  test('an unknown field refuses the whole request (INVALID_FIELD), as in an org without the package', async () => {
    const bare = await startSalesforceFake({ packageDeployed: false });
    const deployed = fake;
    try {
      bare.registerClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
      bare.org.generate({ opportunities: 1 });
      fake = bare;
      token = (
        await login({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET })
      ).json.access_token;
      const id = [...bare.org.table('Opportunity').keys()][0];
      const answer = await patch([{ id, UAN_Conversation_Count__c: 1 }]);
      expect([answer.status, answer.json[0].errorCode]).toEqual([400, 'INVALID_FIELD']);
      const read = await query(`SELECT Id, UAN_Conversation_Count__c FROM Opportunity WHERE Id = '${id}'`);
      expect([read.status, read.json[0].errorCode]).toEqual([400, 'INVALID_FIELD']);
    } finally {
      fake = deployed;
      await bare.stop();
    }
  });

  test('allOrNone: one failing record rolls back the others, answered 200 with ALL_OR_NONE_OPERATION_ROLLED_BACK', async () => {
    const answer = await patch(
      [
        { id: opps[0], UAN_Conversation_Count__c: 1 },
        { id: opps[1], UAN_Conversation_Count__c: 1_000_000 },
        { id: opps[2], UAN_Conversation_Count__c: 2 },
      ],
      true,
    );
    expect(answer.status).toBe(200);
    expect(answer.json.map((r: any) => [r.success, r.errors[0]?.statusCode])).toEqual([
      [false, 'ALL_OR_NONE_OPERATION_ROLLED_BACK'],
      [false, 'NUMBER_OUTSIDE_VALID_RANGE'],
      [false, 'ALL_OR_NONE_OPERATION_ROLLED_BACK'],
    ]);
    expect(fake.writes).toEqual([]);
    expect(fake.org.table('Opportunity').get(opps[0]!)!.UAN_Conversation_Count__c).toBeNull();
  });

  test('field names are case-insensitive and Ids are taken in 15 or 18 characters; a wrong checksum is MALFORMED_ID', async () => {
    const id15 = opps[0]!.slice(0, 15);
    expect(toId18(id15)).toBe(opps[0]);
    const answer = await patch([
      { ID: id15, uan_conversation_count__c: 4 },
      { Id: `${opps[1]!.slice(0, 15)}ZZZ`, UAN_Conversation_Count__c: 4 },
    ]);
    expect(answer.json[0]).toEqual({ id: opps[0], success: true, errors: [] });
    expect(answer.json[1].errors[0].statusCode).toBe('MALFORMED_ID');
    expect(fake.writes).toEqual([{ id: opps[0], fields: { UAN_Conversation_Count__c: 4 } }]);
    const read = await query(`select id, uan_conversation_count__c from OPPORTUNITY where ID in ('${id15}')`);
    expect(read.json.records).toEqual([
      expect.objectContaining({ Id: opps[0], UAN_Conversation_Count__c: 4 }),
    ]);
  });
});

describe('SOQL errors carry the codes a real org uses', () => {
  test('unknown column INVALID_FIELD, unknown object INVALID_TYPE, and MALFORMED_QUERY only for syntax', async () => {
    const cases: Array<[string, string]> = [
      ['SELECT Id, UAN_Not_Deployed__c FROM Opportunity', 'INVALID_FIELD'],
      ['SELECT Id FROM Opportunity WHERE Nope__c = 1', 'INVALID_FIELD'],
      ['SELECT Id FROM Opportunity ORDER BY Nope__c', 'INVALID_FIELD'],
      ['SELECT Account.Nope FROM Opportunity', 'INVALID_FIELD'],
      ['SELECT Id FROM Opportunityy', 'INVALID_TYPE'],
      ['SELECT Id FROM', 'MALFORMED_QUERY'],
      ['SELECT Id Opportunity', 'MALFORMED_QUERY'],
      ['SELECT Id FROM Opportunity WHERE', 'MALFORMED_QUERY'],
    ];
    for (const [soql, code] of cases) {
      const answer = await query(soql);
      expect({ soql, status: answer.status, code: answer.json[0].errorCode }).toEqual({
        soql,
        status: 400,
        code,
      });
    }
  });
});

describe('outages, sessions and limits', () => {
  test('a 503 is sometimes an HTML page, not JSON', async () => {
    fake.inject('unavailable', { times: 2 });
    const first = await call('GET', `${API}/limits`);
    const second = await call('GET', `${API}/limits`);
    expect([first.status, second.status]).toEqual([503, 503]);
    const bodies = [first, second].map((a) => a.headers.get('content-type')?.split(';')[0]);
    expect(bodies.sort()).toEqual(['application/json', 'text/html']);
    expect([first, second].find((a) => a.json === undefined)!.text).toMatch(/^<!DOCTYPE html>/);
  });

  test('the session is checked before the limit, so an expired session is told apart from an exhausted limit', async () => {
    fake.usage = fake.dailyLimit;
    fake.expireSessions();
    const expired = await call('GET', `${API}/limits`);
    expect([expired.status, expired.json[0].errorCode]).toEqual([401, 'INVALID_SESSION_ID']);
    token = (
      await login({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET })
    ).json.access_token;
    const limited = await call('GET', `${API}/limits`);
    expect([limited.status, limited.json[0].errorCode]).toEqual([403, 'REQUEST_LIMIT_EXCEEDED']);
  });

  test('Sforce-Limit-Info comes on REST API responses only: not on the token response, not on the versions list', async () => {
    const tokenAnswer = await login({
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    expect(tokenAnswer.headers.get('sforce-limit-info')).toBeNull();
    const usage = fake.usage;
    const versions = await call('GET', '/services/data/', undefined, { authorization: '' });
    expect(versions.status).toBe(200);
    expect(versions.headers.get('sforce-limit-info')).toBeNull();
    expect(fake.usage).toBe(usage); // needs no session and is not counted
    const rest = await call('GET', `${API}/limits`);
    expect(rest.headers.get('sforce-limit-info')).toBe(`api-usage=${usage + 1}/1000`);
  });
});

describe('OAuth 2.0 token endpoint', () => {
  test('the token response carries scope; client credentials work in the body or with HTTP Basic', async () => {
    const inBody = await login({
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    expect(inBody.json).toMatchObject({
      token_type: 'Bearer',
      scope: expect.any(String),
      instance_url: fake.url,
    });
    const basic = (id: string, secret: string) =>
      `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
    const withBasic = await login(
      { grant_type: 'client_credentials' },
      { authorization: basic(CLIENT_ID, CLIENT_SECRET) },
    );
    expect(withBasic.status).toBe(200);
    const wrong = await login(
      { grant_type: 'client_credentials' },
      { authorization: basic(CLIENT_ID, 'nope') },
    );
    expect([wrong.status, wrong.json.error]).toEqual([400, 'invalid_client']);
  });
});

describe('Bulk API 2.0 query results', () => {
  async function completedJob(version = 'v62.0') {
    const created = await call('POST', `/services/data/${version}/jobs/query`, {
      operation: 'query',
      query: 'SELECT Id FROM Opportunity',
    });
    for (let i = 0; i < 3; i++) await call('GET', `/services/data/${version}/jobs/query/${created.json.id}`);
    return created.json.id as string;
  }

  test('results are paged with Sforce-Locator at a realistic size when the client sets no maxRecords', async () => {
    fake.org.generate({ opportunities: 25_000 });
    const id = await completedJob();
    const pages: number[] = [];
    let locator: string | null = null;
    do {
      const page = await call(
        'GET',
        `${API}/jobs/query/${id}/results${locator ? `?locator=${locator}` : ''}`,
      );
      pages.push(Number(page.headers.get('sforce-numberofrecords')));
      locator = page.headers.get('sforce-locator');
      if (locator === 'null') locator = null;
    } while (locator);
    expect(pages).toEqual([10_000, 10_000, 5003]);
  });

  test('a job read with another API version than it was created with answers 409', async () => {
    const id = await completedJob('v62.0');
    expect((await call('GET', `/services/data/v61.0/jobs/query/${id}`)).status).toBe(409);
    expect((await call('GET', `/services/data/v63.0/jobs/query/${id}/results`)).status).toBe(409);
    expect((await call('GET', `/services/data/v62.0/jobs/query/${id}/results`)).status).toBe(200);
  });
});
