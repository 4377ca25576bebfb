// A local stand-in for a Salesforce org's REST API, with the documented shapes: OAuth 2.0 token
// endpoint (JWT bearer, client credentials, password), query/queryMore, sObject Collections PATCH,
// Bulk API 2.0 query jobs, Sforce-Limit-Info on every response. It counts API calls and has fault
// switches for outages, throttling, expired sessions, slow and lost responses, per-record errors.
import { createPublicKey, createVerify, randomBytes, type KeyObject } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeOrg, SCHEMA, type SObjectRow } from './org';
import { compareBy, matches, parseSoql, SoqlError, type ParsedQuery } from './soql';

export type FaultKind = 'unavailable' | 'limit' | 'slow' | 'lostResponse';

interface Fault {
  kind: FaultKind;
  remaining: number;
  match?: RegExp;
  delayMs: number;
}

interface Client {
  clientId: string;
  clientSecret?: string;
  publicKey?: KeyObject;
  users: Record<string, string | null>;
}

export interface RecordedWrite {
  id: string;
  fields: Record<string, unknown>;
}

export interface FakeOptions {
  /** records per query page (Salesforce: 2,000 by default) */
  queryPageSize?: number;
  /** records per Bulk API 2.0 results page when the client sets no maxRecords */
  bulkPageSize?: number;
  /** polls of a bulk query job that answer InProgress before JobComplete */
  bulkPollsUntilComplete?: number;
  dailyLimit?: number;
}

type Json = unknown;

class Reply {
  constructor(
    readonly status: number,
    readonly body: Json | string | undefined,
    readonly headers: Record<string, string> = {},
  ) {}
}

const errorReply = (status: number, errorCode: string, message: string) =>
  new Reply(status, [{ message, errorCode }]);

export class SalesforceFake {
  readonly org = new FakeOrg();
  url = '';
  /** every /services/data request, in order */
  readonly calls: Array<{ method: string; path: string; status: number }> = [];
  /** record updates the org accepted, in order */
  readonly writes: RecordedWrite[] = [];
  tokensIssued = 0;
  usage = 0;
  dailyLimit: number;
  private readonly faults: Fault[] = [];
  private readonly recordErrors = new Map<
    string,
    { statusCode: string; message: string; remaining: number }
  >();
  private readonly clients = new Map<string, Client>();
  private readonly tokens = new Set<string>();
  private readonly cursors = new Map<string, { object: string; rows: unknown[] }>();
  private readonly bulkJobs = new Map<
    string,
    { query: ParsedQuery; polls: number; rows: string[][]; header: string[]; state: string }
  >();
  private server?: http.Server;

  constructor(private readonly options: FakeOptions = {}) {
    this.dailyLimit = options.dailyLimit ?? 100_000;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    // longer than node's 5 s default, as a real org keeps connections: no reset races on reuse
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  registerClient(client: {
    clientId: string;
    clientSecret?: string;
    certificate?: string;
    users?: Record<string, string | null>;
  }): void {
    this.clients.set(client.clientId, {
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      publicKey: client.certificate ? createPublicKey(client.certificate) : undefined,
      users: client.users ?? {},
    });
  }

  /** The next `times` API calls (matching `match`, if given) fail or misbehave this way. */
  inject(kind: FaultKind, options: { times?: number; match?: RegExp; delayMs?: number } = {}): void {
    this.faults.push({
      kind,
      remaining: options.times ?? 1,
      match: options.match,
      delayMs: options.delayMs ?? 0,
    });
  }

  clearFaults(): void {
    this.faults.length = 0;
    this.recordErrors.clear();
  }

  /** Invalidates every access token, as a session timeout or a revoked session does. */
  expireSessions(): void {
    this.tokens.clear();
  }

  /** The next `times` updates of this record fail with this status code. */
  failRecord(id: string, statusCode: string, message: string, times = 1): void {
    this.recordErrors.set(id, { statusCode, message, remaining: times });
  }

  callCount(match?: RegExp): number {
    return match ? this.calls.filter((c) => match.test(`${c.method} ${c.path}`)).length : this.calls.length;
  }

  writesOf(id: string): Array<Record<string, unknown>> {
    return this.writes.filter((w) => w.id === id).map((w) => w.fields);
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && (!f.match || f.match.test(`${method} ${path}`)));
    if (fault) fault.remaining -= 1;
    return fault;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    let reply: Reply;
    let fault: Fault | undefined;
    try {
      if (url.pathname === '/services/oauth2/token' && method === 'POST') {
        reply = this.token(new URLSearchParams(body));
      } else if (url.pathname.startsWith('/services/data/')) {
        this.usage += 1;
        fault = this.takeFault(method, url.pathname);
        reply = this.api(req, method, url, body, fault);
        this.calls.push({ method, path: url.pathname, status: reply.status });
      } else {
        reply = errorReply(404, 'NOT_FOUND', 'The requested resource does not exist');
      }
    } catch (error) {
      reply =
        error instanceof SoqlError
          ? errorReply(400, 'MALFORMED_QUERY', error.message)
          : errorReply(500, 'UNKNOWN_EXCEPTION', (error as Error).message);
    }
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault?.kind === 'lostResponse') {
      // the work is done, the answer never arrives: the client cannot tell whether it happened
      res.socket?.destroy();
      return;
    }
    if (res.destroyed) return;
    const isText = typeof reply.body === 'string';
    res.writeHead(reply.status, {
      'sforce-limit-info': `api-usage=${this.usage}/${this.dailyLimit}`,
      ...(reply.body === undefined
        ? {}
        : { 'content-type': isText ? 'text/csv' : 'application/json;charset=UTF-8' }),
      ...reply.headers,
    });
    res.end(reply.body === undefined ? undefined : isText ? reply.body : JSON.stringify(reply.body));
  }

  private api(req: IncomingMessage, method: string, url: URL, body: string, fault: Fault | undefined): Reply {
    if (fault?.kind === 'unavailable') return errorReply(503, 'SERVER_UNAVAILABLE', 'Server Unavailable');
    if (fault?.kind === 'limit' || this.usage > this.dailyLimit) {
      return errorReply(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !this.tokens.has(token))
      return errorReply(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    const match = /^\/services\/data\/v(\d+\.\d)(\/.*)$/.exec(url.pathname);
    if (!match) return errorReply(404, 'NOT_FOUND', 'The requested resource does not exist');
    const [, version, rest] = match as unknown as [string, string, string];
    const base = `/services/data/v${version}`;
    const route = `${method} ${rest}`;
    if (route === 'GET /query' || route === 'GET /query/')
      return this.query(url.searchParams.get('q') ?? '', base);
    if (method === 'GET' && rest.startsWith('/query/'))
      return this.queryMore(rest.slice('/query/'.length), base);
    if (route === 'PATCH /composite/sobjects') return this.updateCollection(body);
    if (route === 'GET /limits') {
      return new Reply(200, {
        DailyApiRequests: { Max: this.dailyLimit, Remaining: this.dailyLimit - this.usage },
      });
    }
    if (route === 'POST /jobs/query') return this.createBulkQuery(body, version);
    const job = /^\/jobs\/query\/([^/]+)(\/results)?$/.exec(rest);
    if (job && method === 'GET' && job[2]) return this.bulkResults(job[1]!, url.searchParams);
    if (job && method === 'GET') return this.bulkJobInfo(job[1]!, version);
    if (job && method === 'DELETE') {
      this.bulkJobs.delete(job[1]!);
      return new Reply(204, undefined);
    }
    return errorReply(404, 'NOT_FOUND', `The requested resource does not exist: ${route}`);
  }

  // --- OAuth 2.0 -------------------------------------------------------------------------------

  private token(params: URLSearchParams): Reply {
    const grant = params.get('grant_type');
    const fail = (error: string, description: string) =>
      new Reply(400, { error, error_description: description });
    let username: string | undefined;
    let client: Client | undefined;
    if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      const [header, claims, signature] = (params.get('assertion') ?? '').split('.');
      if (!header || !claims || !signature) return fail('invalid_grant', 'invalid assertion');
      const payload = JSON.parse(Buffer.from(claims, 'base64url').toString()) as Record<string, unknown>;
      client = this.clients.get(String(payload.iss));
      if (!client?.publicKey) return fail('invalid_client_id', 'client identifier invalid');
      const verifier = createVerify('RSA-SHA256').update(`${header}.${claims}`);
      if (!verifier.verify(client.publicKey, Buffer.from(signature, 'base64url'))) {
        return fail('invalid_grant', 'invalid assertion');
      }
      if (payload.aud !== this.url) return fail('invalid_grant', 'audience is invalid');
      if (typeof payload.exp !== 'number' || payload.exp * 1000 < Date.now())
        return fail('invalid_grant', 'expired authorization code');
      username = String(payload.sub);
      if (!(username in client.users)) return fail('invalid_grant', "user hasn't approved this consumer");
    } else if (grant === 'client_credentials' || grant === 'password') {
      client = this.clients.get(params.get('client_id') ?? '');
      if (!client) return fail('invalid_client_id', 'client identifier invalid');
      if (client.clientSecret !== params.get('client_secret'))
        return fail('invalid_client', 'invalid client credentials');
      if (grant === 'password') {
        username = params.get('username') ?? '';
        if (!(username in client.users) || client.users[username] !== params.get('password')) {
          return fail('invalid_grant', 'authentication failure');
        }
      }
    } else {
      return fail('unsupported_grant_type', 'grant type not supported');
    }
    const accessToken = `00D000000000001!${randomBytes(24).toString('base64url')}`;
    this.tokens.add(accessToken);
    this.tokensIssued += 1;
    return new Reply(200, {
      access_token: accessToken,
      instance_url: this.url,
      id: `${this.url}/id/00D000000000001AAA/005000000000001AAA`,
      token_type: 'Bearer',
      issued_at: String(Date.now()),
      signature: randomBytes(16).toString('base64'),
    });
  }

  // --- query / queryMore -----------------------------------------------------------------------

  private select(soql: string): { query: ParsedQuery; rows: SObjectRow[] } {
    const query = parseSoql(soql);
    const schema = SCHEMA[query.object];
    if (!schema) throw new SoqlError(`sObject type '${query.object}' is not supported.`);
    for (const field of query.fields) {
      const head = field.split('.')[0]!;
      if (!schema.fields.includes(field) && !(field.includes('.') && schema.relations[head])) {
        throw new SoqlError(`No such column '${field}' on entity '${query.object}'.`);
      }
    }
    const read = (row: SObjectRow, field: string) => this.org.read(query.object, row, field);
    let rows = [...this.org.table(query.object).values()].filter((row) =>
      matches(query.where, (f) => read(row, f)),
    );
    if (query.orderBy.length > 0) rows.sort(compareBy(query.orderBy, (row, f) => read(row as SObjectRow, f)));
    if (query.limit !== undefined) rows = rows.slice(0, query.limit);
    return { query, rows };
  }

  /** A record as the REST API returns it: attributes, the selected fields, nested relationships. */
  private shape(object: string, row: SObjectRow, fields: string[], base: string): Record<string, unknown> {
    const out: Record<string, unknown> = {
      attributes: { type: object, url: `${base}/sobjects/${object}/${row.Id}` },
    };
    for (const field of fields) {
      const [head, ...rest] = field.split('.');
      if (rest.length === 0) {
        out[head!] = row[head!] ?? null;
        continue;
      }
      const [idField, target] = SCHEMA[object]!.relations[head!]!;
      const related = this.org.tables.get(target)!.get(row[idField] as string);
      if (!related) {
        out[head!] = null;
        continue;
      }
      const nested = (out[head!] as Record<string, unknown> | undefined) ?? {
        attributes: { type: target, url: `${base}/sobjects/${target}/${related.Id}` },
      };
      nested[rest.join('.')] = related[rest.join('.')] ?? null;
      out[head!] = nested;
    }
    return out;
  }

  private query(soql: string, base: string): Reply {
    const { query, rows } = this.select(soql);
    if (query.count) return new Reply(200, { totalSize: rows.length, done: true, records: [] });
    const shaped = rows.map((row) => this.shape(query.object, row, query.fields, base));
    return this.page(shaped, 0, base, `01g${randomBytes(6).toString('hex')}`);
  }

  private page(rows: unknown[], offset: number, base: string, cursor: string): Reply {
    const size = this.options.queryPageSize ?? 2000;
    const records = rows.slice(offset, offset + size);
    const done = offset + size >= rows.length;
    if (!done) this.cursors.set(cursor, { object: '', rows });
    else this.cursors.delete(cursor);
    return new Reply(200, {
      totalSize: rows.length,
      done,
      ...(done ? {} : { nextRecordsUrl: `${base}/query/${cursor}-${offset + size}` }),
      records,
    });
  }

  private queryMore(locator: string, base: string): Reply {
    const m = /^(.+)-(\d+)$/.exec(locator);
    const cursor = m && this.cursors.get(m[1]!);
    if (!m || !cursor) return errorReply(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    return this.page(cursor.rows, Number(m[2]), base, m[1]!);
  }

  // --- sObject Collections ---------------------------------------------------------------------

  private updateCollection(body: string): Reply {
    const payload = JSON.parse(body) as { allOrNone?: boolean; records?: Array<Record<string, unknown>> };
    const records = payload.records ?? [];
    if (records.length > 200) {
      return errorReply(
        400,
        'EXCEEDED_ID_LIMIT',
        'record limit reached. cannot submit more than 200 records into this call',
      );
    }
    const schema = SCHEMA.Opportunity!;
    for (const record of records) {
      const type = (record.attributes as { type?: string } | undefined)?.type;
      if (type !== 'Opportunity')
        return errorReply(400, 'INVALID_TYPE', `sObject type '${type}' is not supported.`);
      for (const field of Object.keys(record)) {
        if (field !== 'attributes' && field !== 'id' && !schema.fields.includes(field)) {
          return errorReply(400, 'INVALID_FIELD', `No such column '${field}' on sobject of type Opportunity`);
        }
      }
    }
    const results = records.map((record) => {
      const id = record.id as string;
      const injected = this.recordErrors.get(id);
      if (injected && injected.remaining > 0) {
        injected.remaining -= 1;
        return {
          success: false,
          errors: [{ statusCode: injected.statusCode, message: injected.message, fields: [] }],
        };
      }
      if (this.org.deleted.has(id)) {
        return {
          success: false,
          errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }],
        };
      }
      if (!this.org.table('Opportunity').has(id)) {
        return {
          success: false,
          errors: [
            { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] },
          ],
        };
      }
      const fields = Object.fromEntries(
        Object.entries(record).filter(([k]) => k !== 'attributes' && k !== 'id'),
      );
      const readOnly = Object.keys(fields).filter((f) => !schema.updatable.includes(f));
      if (readOnly.length > 0) {
        return {
          success: false,
          errors: [
            {
              statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
              message: 'Unable to create/update fields',
              fields: readOnly,
            },
          ],
        };
      }
      this.org.update('Opportunity', id, fields);
      this.writes.push({ id, fields });
      return { id, success: true, errors: [] };
    });
    if (payload.allOrNone && results.some((r) => !r.success)) {
      // allOrNone would roll back; the sync always sends false, so the fake only flags misuse
      return errorReply(400, 'ALL_OR_NONE_OPERATION_ROLLED_BACK', 'allOrNone is not supported by the fake');
    }
    return new Reply(200, results);
  }

  // --- Bulk API 2.0 query ----------------------------------------------------------------------

  private createBulkQuery(body: string, version: string): Reply {
    const payload = JSON.parse(body) as { operation?: string; query?: string };
    if (payload.operation !== 'query' && payload.operation !== 'queryAll') {
      return errorReply(400, 'INVALIDJOB', 'operation must be query or queryAll');
    }
    const { query, rows } = this.select(payload.query ?? '');
    if (query.count) return errorReply(400, 'INVALIDJOB', 'COUNT() is not supported in Bulk API 2.0 queries');
    const id = `750${randomBytes(6).toString('hex').toUpperCase()}`;
    const csvRows = rows.map((row) => query.fields.map((f) => csvCell(this.org.read(query.object, row, f))));
    this.bulkJobs.set(id, { query, polls: 0, rows: csvRows, header: query.fields, state: 'UploadComplete' });
    return new Reply(200, this.jobInfo(id, version));
  }

  private jobInfo(id: string, version: string) {
    const job = this.bulkJobs.get(id)!;
    return {
      id,
      operation: 'query',
      object: job.query.object,
      createdById: '005000000000001AAA',
      createdDate: new Date().toISOString(),
      systemModstamp: new Date().toISOString(),
      state: job.state,
      concurrencyMode: 'Parallel',
      contentType: 'CSV',
      apiVersion: Number(version),
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
      ...(job.state === 'JobComplete'
        ? { numberRecordsProcessed: job.rows.length, retries: 0, totalProcessingTime: 10 }
        : {}),
    };
  }

  private bulkJobInfo(id: string, version: string): Reply {
    const job = this.bulkJobs.get(id);
    if (!job) return errorReply(404, 'NOT_FOUND', 'The requested resource does not exist');
    job.polls += 1;
    job.state = job.polls > (this.options.bulkPollsUntilComplete ?? 1) ? 'JobComplete' : 'InProgress';
    return new Reply(200, this.jobInfo(id, version));
  }

  private bulkResults(id: string, params: URLSearchParams): Reply {
    const job = this.bulkJobs.get(id);
    if (!job) return errorReply(404, 'NOT_FOUND', 'The requested resource does not exist');
    if (job.state !== 'JobComplete') return errorReply(400, 'INVALIDJOBSTATE', 'job is not complete');
    const offset = Number(
      params.get('locator') ? Buffer.from(params.get('locator')!, 'base64url').toString() : 0,
    );
    const size = Number(params.get('maxRecords') ?? this.options.bulkPageSize ?? 50_000);
    const slice = job.rows.slice(offset, offset + size);
    const next =
      offset + size < job.rows.length ? Buffer.from(String(offset + size)).toString('base64url') : 'null';
    const csv = [job.header.map(csvCell), ...slice].map((cells) => cells.join(',')).join('\n') + '\n';
    return new Reply(200, csv, { 'sforce-locator': next, 'sforce-numberofrecords': String(slice.length) });
  }
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

export async function startSalesforceFake(options: FakeOptions = {}): Promise<SalesforceFake> {
  return new SalesforceFake(options).start();
}
