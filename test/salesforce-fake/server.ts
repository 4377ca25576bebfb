// A local stand-in for a Salesforce org's REST API, as strict as the documentation describes it:
// OAuth 2.0 token endpoint (JWT bearer, client credentials in the body or with HTTP Basic, password),
// query/queryMore, sObject Collections PATCH with field-type checks and allOrNone rollback, Bulk API
// 2.0 query jobs paged with Sforce-Locator, Sforce-Limit-Info on REST API responses. It counts API
// calls and has fault switches for outages (sometimes as HTML), throttling, expired sessions, token
// errors, redirects, slow and lost responses, and per-record errors. The pages it follows are listed
// in the README, "Verified only against the fake".
import { createPublicKey, createVerify, randomBytes, type KeyObject } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { refusalOf } from './fields';
import { toId18 } from './ids';
import { canonical, FakeOrg, type ObjectSchema, type SObjectRow } from './org';
import { compareBy, matches, parseSoql, SoqlError, type Condition, type ParsedQuery } from './soql';

export type FaultKind = 'unavailable' | 'limit' | 'slow' | 'lostResponse' | 'redirect' | 'tokenError';

interface Fault {
  kind: FaultKind;
  remaining: number;
  served: number;
  match?: RegExp;
  delayMs: number;
  /** unavailable: answer with an HTML page (default: every second answer is one) */
  html?: boolean;
  /** tokenError: the OAuth error to answer */
  error?: string;
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
  /** false: an org where the package (its UAN_* fields) is not deployed yet */
  packageDeployed?: boolean;
}

const TOKEN_PATH = '/services/oauth2/token';
// without maxRecords an org pages by its own size limits; 10,000 rows is well under them
const DEFAULT_BULK_PAGE = 10_000;
const ROLLED_BACK =
  'Record rolled back because not all records were valid and the request was using AllOrNone header';
const OUTAGE_PAGE =
  '<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><h1>Service Unavailable</h1>' +
  '<p>The server is temporarily unable to service your request. Please try again later.</p></body></html>';

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

type SaveResult = {
  id?: string;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
};
const failed = (statusCode: string, message: string, fields: string[] = [], id?: string): SaveResult => ({
  ...(id ? { id } : {}),
  success: false,
  errors: [{ statusCode, message, fields }],
});

export class SalesforceFake {
  readonly org: FakeOrg;
  url = '';
  /** what the token endpoint names as instance_url (the fake itself unless a test changes it) */
  instanceUrl?: string;
  /** every /services/data request, in order */
  readonly calls: Array<{ method: string; path: string; status: number }> = [];
  /** every request that reached the fake, token requests included */
  readonly requests: Array<{ method: string; path: string }> = [];
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
    { query: ParsedQuery; polls: number; rows: string[][]; header: string[]; state: string; version: string }
  >();
  private server?: http.Server;

  constructor(private readonly options: FakeOptions = {}) {
    this.dailyLimit = options.dailyLimit ?? 100_000;
    this.org = new FakeOrg({ packageDeployed: options.packageDeployed ?? true });
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

  /**
   * The next `times` calls fail or misbehave this way. Without `match` a fault hits REST API calls
   * only (a token error always hits the token endpoint); with it, any request whose "METHOD path"
   * matches, the token endpoint included.
   */
  inject(
    kind: FaultKind,
    options: { times?: number; match?: RegExp; delayMs?: number; html?: boolean; error?: string } = {},
  ): void {
    this.faults.push({
      kind,
      remaining: options.times ?? 1,
      served: 0,
      match: options.match,
      delayMs: options.delayMs ?? 0,
      html: options.html,
      error: options.error,
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
    this.recordErrors.set(toId18(id) ?? id, { statusCode, message, remaining: times });
  }

  callCount(match?: RegExp): number {
    return match ? this.calls.filter((c) => match.test(`${c.method} ${c.path}`)).length : this.calls.length;
  }

  writesOf(id: string): Array<Record<string, unknown>> {
    return this.writes.filter((w) => w.id === id).map((w) => w.fields);
  }

  private takeFault(method: string, path: string, token: boolean): Fault | undefined {
    const route = `${method} ${path}`;
    const fault = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        (f.match ? f.match.test(route) : token === (f.kind === 'tokenError')) &&
        (f.kind !== 'tokenError' || token),
    );
    if (fault) {
      fault.remaining -= 1;
      fault.served += 1;
    }
    return fault;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: url.pathname });
    let reply: Reply;
    let fault: Fault | undefined;
    // Sforce-Limit-Info comes with REST API calls only: not the token endpoint, not the versions list
    let limitInfo = false;
    try {
      if (url.pathname === TOKEN_PATH && method === 'POST') {
        fault = this.takeFault(method, url.pathname, true);
        reply = this.faulted(fault) ?? this.token(req, new URLSearchParams(body));
      } else if (/^\/services\/data\/?$/.test(url.pathname) && method === 'GET') {
        reply = new Reply(200, [{ label: "Winter '25", url: '/services/data/v62.0', version: '62.0' }]);
      } else if (url.pathname.startsWith('/services/data/')) {
        fault = this.takeFault(method, url.pathname, false);
        const answer = this.api(req, method, url, body, fault);
        reply = answer.reply;
        limitInfo = answer.counted;
        this.calls.push({ method, path: url.pathname, status: reply.status });
      } else {
        reply = errorReply(404, 'NOT_FOUND', 'The requested resource does not exist');
      }
    } catch (error) {
      reply =
        error instanceof SoqlError
          ? errorReply(400, error.code, error.message)
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
      ...(limitInfo ? { 'sforce-limit-info': `api-usage=${this.usage}/${this.dailyLimit}` } : {}),
      ...(reply.body === undefined
        ? {}
        : { 'content-type': isText ? 'text/csv' : 'application/json;charset=UTF-8' }),
      ...reply.headers,
    });
    res.end(reply.body === undefined ? undefined : isText ? reply.body : JSON.stringify(reply.body));
  }

  /** What an outage, a redirect or a refused token looks like, before the request is looked at. */
  private faulted(fault: Fault | undefined): Reply | undefined {
    switch (fault?.kind) {
      case 'unavailable':
        return (fault.html ?? fault.served % 2 === 0)
          ? new Reply(503, OUTAGE_PAGE, { 'content-type': 'text/html;charset=UTF-8' })
          : errorReply(503, 'SERVER_UNAVAILABLE', 'Server Unavailable');
      case 'redirect':
        // where a misconfigured proxy or a moved domain would send the client
        return new Reply(302, undefined, { location: `${this.url}/moved${TOKEN_PATH}` });
      case 'tokenError':
        return new Reply(400, {
          error: fault.error ?? 'invalid_grant',
          error_description: 'refused by the fake',
        });
      default:
        return undefined;
    }
  }

  private api(
    req: IncomingMessage,
    method: string,
    url: URL,
    body: string,
    fault: Fault | undefined,
  ): { reply: Reply; counted: boolean } {
    const outage = this.faulted(fault);
    if (outage) return { reply: outage, counted: false };
    // the session is checked first, so an expired session is told apart from an exhausted limit
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !this.tokens.has(token))
      return { reply: errorReply(401, 'INVALID_SESSION_ID', 'Session expired or invalid'), counted: false };
    this.usage += 1;
    if (fault?.kind === 'limit' || this.usage > this.dailyLimit) {
      return {
        reply: errorReply(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'),
        counted: true,
      };
    }
    return { reply: this.route(method, url, body), counted: true };
  }

  private route(method: string, url: URL, body: string): Reply {
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
    if (job) {
      const found = this.bulkJobs.get(job[1]!);
      if (!found) return errorReply(404, 'NOT_FOUND', 'The requested resource does not exist');
      // "Use the same API version to get query results that you used to create the query"
      if (found.version !== version) {
        return errorReply(
          409,
          'CONFLICT',
          `The job was created with API version ${found.version}: use that version`,
        );
      }
      if (method === 'GET' && job[2]) return this.bulkResults(job[1]!, url.searchParams);
      if (method === 'GET') return this.bulkJobInfo(job[1]!);
      if (method === 'DELETE') {
        this.bulkJobs.delete(job[1]!);
        return new Reply(204, undefined);
      }
    }
    return errorReply(404, 'NOT_FOUND', `The requested resource does not exist: ${route}`);
  }

  // --- OAuth 2.0 -------------------------------------------------------------------------------

  /** Client credentials from HTTP Basic, or else from the body, as the token endpoint accepts both. */
  private clientCredentials(req: IncomingMessage, params: URLSearchParams) {
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (basic) {
      const decoded = Buffer.from(basic, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      return {
        id: decodeURIComponent(decoded.slice(0, colon)),
        secret: decodeURIComponent(decoded.slice(colon + 1)),
      };
    }
    return { id: params.get('client_id') ?? '', secret: params.get('client_secret') ?? undefined };
  }

  private token(req: IncomingMessage, params: URLSearchParams): Reply {
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
      const credentials = this.clientCredentials(req, params);
      client = this.clients.get(credentials.id);
      if (!client) return fail('invalid_client_id', 'client identifier invalid');
      if (client.clientSecret !== credentials.secret)
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
      scope: 'api',
      instance_url: this.instanceUrl ?? this.url,
      id: `${this.url}/id/00D000000000001AAA/005000000000001AAA`,
      token_type: 'Bearer',
      issued_at: String(Date.now()),
      signature: randomBytes(16).toString('base64'),
    });
  }

  // --- query / queryMore -----------------------------------------------------------------------

  private schemaOf(name: string): [string, ObjectSchema] {
    const object = canonical(Object.keys(this.org.schema), name);
    if (!object) {
      throw new SoqlError(
        `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name.`,
        'INVALID_TYPE',
      );
    }
    return [object, this.org.schema[object]!];
  }

  /** A field or relationship path as the org spells it; INVALID_FIELD when the object has none. */
  private fieldOf(object: string, path: string): string {
    const schema = this.org.schema[object]!;
    const [head, ...rest] = path.split('.');
    if (rest.length === 0) {
      const name = canonical(schema.fields.keys(), head!);
      if (name) return name;
    } else {
      const relation = canonical(Object.keys(schema.relations), head!);
      if (relation) return `${relation}.${this.fieldOf(schema.relations[relation]![1], rest.join('.'))}`;
    }
    throw new SoqlError(
      `No such column '${path}' on entity '${object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`,
      'INVALID_FIELD',
    );
  }

  /** The query with the org's spelling of every name, and Id literals in their 18-character form. */
  private resolve(query: ParsedQuery): ParsedQuery {
    const [object] = this.schemaOf(query.object);
    const idValue = (field: string, value: unknown) =>
      this.org.schema[object]!.fields.get(field)?.kind === 'id' ? (toId18(value) ?? value) : value;
    const condition = (c: Condition): Condition => {
      switch (c.kind) {
        case 'and':
        case 'or':
          return { kind: c.kind, parts: c.parts.map(condition) };
        case 'not':
          return { kind: 'not', inner: condition(c.inner) };
        case 'compare': {
          const field = this.fieldOf(object, c.field);
          return { ...c, field, value: idValue(field, c.value) as typeof c.value };
        }
        case 'in': {
          const field = this.fieldOf(object, c.field);
          return { ...c, field, values: c.values.map((v) => idValue(field, v) as typeof v) };
        }
      }
    };
    return {
      ...query,
      object,
      fields: query.fields.map((f) => this.fieldOf(object, f)),
      where: query.where && condition(query.where),
      orderBy: query.orderBy.map((o) => ({ ...o, field: this.fieldOf(object, o.field) })),
    };
  }

  private select(soql: string): { query: ParsedQuery; rows: SObjectRow[] } {
    const query = this.resolve(parseSoql(soql));
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
      const [idField, target] = this.org.schema[object]!.relations[head!]!;
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
    let payload: { allOrNone?: boolean; records?: Array<Record<string, unknown>> };
    try {
      payload = JSON.parse(body) as typeof payload;
    } catch {
      return errorReply(400, 'JSON_PARSER_ERROR', 'The request body is not valid JSON');
    }
    const records = payload.records ?? [];
    if (records.length > 200) {
      return errorReply(
        400,
        'EXCEEDED_ID_LIMIT',
        'record limit reached. cannot submit more than 200 records into this call',
      );
    }
    // first what makes the request unreadable as a whole: unknown types and fields, values of the wrong type
    const prepared: Array<{ id: unknown; fields: Record<string, unknown>; refusals: SaveResult[] }> = [];
    for (const record of records) {
      const type = (record.attributes as { type?: string } | undefined)?.type ?? '';
      const object = canonical(Object.keys(this.org.schema), type);
      if (object !== 'Opportunity')
        return errorReply(400, 'INVALID_TYPE', `sObject type '${type}' is not supported.`);
      const schema = this.org.schema.Opportunity!;
      const fields: Record<string, unknown> = {};
      const refusals: SaveResult[] = [];
      let id: unknown;
      for (const [key, value] of Object.entries(record)) {
        if (key === 'attributes') continue;
        const field = canonical(schema.fields.keys(), key);
        if (!field)
          return errorReply(400, 'INVALID_FIELD', `No such column '${key}' on sobject of type Opportunity`);
        if (field === 'Id') {
          id = value;
          continue;
        }
        const refusal = refusalOf(field, schema.fields.get(field)!, value);
        if (refusal?.scope === 'request') return errorReply(400, refusal.errorCode, refusal.message);
        if (refusal) refusals.push(failed(refusal.statusCode, refusal.message, [field]));
        fields[field] = value;
      }
      prepared.push({ id, fields, refusals });
    }
    const results = prepared.map(({ id: given, fields, refusals }): SaveResult => {
      const id = toId18(given);
      if (!id) return failed('MALFORMED_ID', `malformed id ${String(given)}`, ['Id']);
      const injected = this.recordErrors.get(id);
      if (injected && injected.remaining > 0) {
        injected.remaining -= 1;
        return failed(injected.statusCode, injected.message);
      }
      if (this.org.deleted.has(id)) return failed('ENTITY_IS_DELETED', 'entity is deleted');
      if (!this.org.table('Opportunity').has(id))
        return failed('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
      const readOnly = Object.keys(fields).filter((f) => !this.org.schema.Opportunity!.updatable.has(f));
      if (readOnly.length > 0)
        return failed('INVALID_FIELD_FOR_INSERT_UPDATE', 'Unable to create/update fields', readOnly);
      if (refusals.length > 0) return refusals[0]!;
      return { id, success: true, errors: [] };
    });
    if (payload.allOrNone === true && results.some((r) => !r.success)) {
      // nothing is saved; the records that would have been are reported as rolled back
      return new Reply(
        200,
        results.map((r) =>
          r.success ? failed('ALL_OR_NONE_OPERATION_ROLLED_BACK', ROLLED_BACK, [], r.id) : r,
        ),
      );
    }
    results.forEach((result, i) => {
      if (!result.success) return;
      const { fields } = prepared[i]!;
      this.org.update('Opportunity', result.id!, fields);
      this.writes.push({ id: result.id!, fields });
    });
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
    this.bulkJobs.set(id, {
      query,
      polls: 0,
      rows: csvRows,
      header: query.fields,
      state: 'UploadComplete',
      version,
    });
    return new Reply(200, this.jobInfo(id));
  }

  private jobInfo(id: string) {
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
      apiVersion: Number(job.version),
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
      ...(job.state === 'JobComplete'
        ? { numberRecordsProcessed: job.rows.length, retries: 0, totalProcessingTime: 10 }
        : {}),
    };
  }

  private bulkJobInfo(id: string): Reply {
    const job = this.bulkJobs.get(id)!;
    job.polls += 1;
    job.state = job.polls > (this.options.bulkPollsUntilComplete ?? 1) ? 'JobComplete' : 'InProgress';
    return new Reply(200, this.jobInfo(id));
  }

  private bulkResults(id: string, params: URLSearchParams): Reply {
    const job = this.bulkJobs.get(id)!;
    if (job.state !== 'JobComplete') return errorReply(400, 'INVALIDJOBSTATE', 'job is not complete');
    const offset = Number(
      params.get('locator') ? Buffer.from(params.get('locator')!, 'base64url').toString() : 0,
    );
    const size = Number(params.get('maxRecords') ?? this.options.bulkPageSize ?? DEFAULT_BULK_PAGE);
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
