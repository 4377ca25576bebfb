// Outcomes and users in: incremental sync of Opportunity and User by SystemModstamp watermark.
// The first sync of an org with more than ~2,000 records reads them with one Bulk API 2.0 query job
// (a handful of calls) instead of 2,000-record query pages; later syncs page through nextRecordsUrl.
import type { Connection } from 'jsforce';
import { QueryJobV2 } from 'jsforce/lib/api/bulk2';
import { HttpApi } from 'jsforce/lib/http-api';
import type { Db } from '../../platform/database/database';
import { advanceWatermark, findWatermark, upsertSyncedOpportunities } from './data-access/sync';
import { upsertUsers, type UserRecord } from '../users';
import type { StoredOpportunityContext } from '../opportunities';

type SfRecord = Record<string, unknown>;

export interface SyncOptions {
  /** more records than this on the first sync → Bulk API 2.0 */
  bulkThreshold: number;
  /** records per query run (autoFetch across pages up to this many) before progress is committed */
  maxFetch: number;
  /**
   * the watermark stays this far behind the sync's start, so a change that commits later than its
   * SystemModstamp (long transactions) is still read next time; re-reads are idempotent upserts
   */
  lagMs: number;
  bulkPollIntervalMs: number;
  bulkPollTimeoutMs: number;
  onProgress?: (progress: SyncProgress) => void;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
  bulkThreshold: 2000,
  maxFetch: 50_000,
  lagMs: 60_000,
  bulkPollIntervalMs: 2000,
  bulkPollTimeoutMs: 10 * 60_000,
};

export interface SyncProgress {
  sobject: string;
  mode: 'bulk' | 'query';
  done: number;
  total: number;
}

export interface SyncReport {
  sobject: string;
  mode: 'bulk' | 'query';
  records: number;
  watermark: string | null;
}

interface SObjectSpec<T> {
  name: 'Opportunity' | 'User';
  fields: string[];
  toRow(record: SfRecord): T;
  store(db: Db, tenantId: string, rows: T[]): Promise<void>;
}

/** A field from a REST record (nested relationship objects) or a Bulk CSV row ("Account.Name" columns). */
function read(record: SfRecord, path: string): unknown {
  if (path in record) return record[path];
  const [head, ...rest] = path.split('.');
  const nested = record[head!];
  return nested && typeof nested === 'object' && rest.length > 0
    ? read(nested as SfRecord, rest.join('.'))
    : null;
}
const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const num = (v: unknown): number | null => (text(v) === null ? null : Number(v));
const bool = (v: unknown): boolean | null => (text(v) === null ? null : v === true || v === 'true');

const OPPORTUNITY: SObjectSpec<
  Required<{ [K in keyof StoredOpportunityContext]: StoredOpportunityContext[K] | null }>
> = {
  name: 'Opportunity',
  fields: [
    'Id',
    'Name',
    'StageName',
    'Amount',
    'CloseDate',
    'IsClosed',
    'IsWon',
    'OwnerId',
    'AccountId',
    'Account.Name',
    'Account.Industry',
    'RecordType.Name',
    'SystemModstamp',
  ],
  toRow: (r) => ({
    id: String(r.Id),
    name: text(read(r, 'Name')),
    stage: text(read(r, 'StageName')),
    amount: num(read(r, 'Amount')),
    closeDate: text(read(r, 'CloseDate')),
    isClosed: bool(read(r, 'IsClosed')),
    isWon: bool(read(r, 'IsWon')),
    ownerId: text(read(r, 'OwnerId')),
    accountName: text(read(r, 'Account.Name')),
    accountId: text(read(r, 'AccountId')),
    industry: text(read(r, 'Account.Industry')),
    recordType: text(read(r, 'RecordType.Name')),
  }),
  store: (db, tenantId, rows) => upsertSyncedOpportunities(db, tenantId, rows),
};

const USER: SObjectSpec<UserRecord> = {
  name: 'User',
  fields: ['Id', 'Name', 'ManagerId', 'IsActive', 'SystemModstamp'],
  toRow: (r) => ({
    id: String(r.Id),
    name: text(read(r, 'Name')) ?? String(r.Id),
    managerId: text(read(r, 'ManagerId')),
    isActive: bool(read(r, 'IsActive')) ?? true,
  }),
  store: (db, tenantId, rows) => upsertUsers(db, tenantId, rows),
};

/** Users first, so the owners and managers the opportunities name are known when they land. */
export const SYNCED_SOBJECTS = [USER, OPPORTUNITY] as const;

const WRITE_BATCH = 1000;

/** SOQL datetime literal, whole seconds (Salesforce stamps have no finer precision). */
function soqlDatetime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function modstampOf(record: SfRecord): number {
  return Date.parse(String(read(record, 'SystemModstamp')).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

async function store<T>(
  db: Db,
  tenantId: string,
  spec: SObjectSpec<T>,
  records: SfRecord[],
): Promise<number> {
  let latest = -Infinity;
  for (let i = 0; i < records.length; i += WRITE_BATCH) {
    const slice = records.slice(i, i + WRITE_BATCH);
    await spec.store(db, tenantId, slice.map(spec.toRow));
    for (const r of slice) latest = Math.max(latest, modstampOf(r));
  }
  return latest;
}

export async function syncSObject<T>(
  db: Db,
  conn: Connection,
  tenantId: string,
  spec: SObjectSpec<T>,
  options: SyncOptions,
): Promise<SyncReport> {
  const startedAt = Date.now();
  const ceiling = startedAt - options.lagMs;
  const watermark = await findWatermark(db, tenantId, spec.name);
  const select = `SELECT ${spec.fields.join(', ')} FROM ${spec.name}`;
  const commit = async (latest: number, records: number) => {
    if (latest === -Infinity) return;
    await advanceWatermark(
      db,
      tenantId,
      spec.name,
      new Date(Math.min(latest, ceiling)).toISOString(),
      records,
    );
  };

  if (!watermark) {
    const total = (await conn.query(`SELECT COUNT() FROM ${spec.name}`)).totalSize;
    if (total > options.bulkThreshold) {
      const records = await bulkQuery(conn, select, {
        ...options,
        onProgress: (p) => options.onProgress?.({ ...p, sobject: spec.name, total }),
      });
      const latest = await store(db, tenantId, spec, records);
      await commit(latest, records.length);
      return {
        sobject: spec.name,
        mode: 'bulk',
        records: records.length,
        watermark: await currentWatermark(db, tenantId, spec.name),
      };
    }
  }

  let since = watermark ? Date.parse(watermark.systemModstamp) : undefined;
  let synced = 0;
  for (;;) {
    // inclusive (>=): several records can share a stamp; the ones already read are upserted again
    const where = since === undefined ? '' : ` WHERE SystemModstamp >= ${soqlDatetime(since)}`;
    const result = await conn
      .query<SfRecord>(`${select}${where} ORDER BY SystemModstamp ASC, Id ASC`)
      .run({ autoFetch: true, maxFetch: options.maxFetch });
    const records = result.records;
    const latest = await store(db, tenantId, spec, records);
    synced += records.length;
    options.onProgress?.({
      sobject: spec.name,
      mode: 'query',
      done: synced,
      total: synced + result.totalSize - records.length,
    });
    await commit(latest, records.length);
    if (result.done !== false || records.length === 0) break;
    if (since !== undefined && latest <= since) {
      throw new Error(
        `more than ${options.maxFetch} ${spec.name} records share one SystemModstamp: raise maxFetch`,
      );
    }
    since = latest;
  }
  return {
    sobject: spec.name,
    mode: 'query',
    records: synced,
    watermark: await currentWatermark(db, tenantId, spec.name),
  };
}

async function currentWatermark(db: Db, tenantId: string, sobject: string): Promise<string | null> {
  return (await findWatermark(db, tenantId, sobject))?.systemModstamp ?? null;
}

/**
 * One Bulk API 2.0 query job: create, poll until complete, then read the CSV result pages one by
 * one, following Sforce-Locator. Each page is parsed on its own (each starts with its header row).
 */
export async function bulkQuery(conn: Connection, soql: string, options: SyncOptions): Promise<SfRecord[]> {
  const job = new QueryJobV2(conn, {
    bodyParams: { query: soql, operation: 'query' },
    pollingOptions: { pollInterval: options.bulkPollIntervalMs, pollTimeout: options.bulkPollTimeoutMs },
  });
  await job.open();
  await job.poll();
  const results = `${conn.instanceUrl}/services/data/v${conn.version}/jobs/query/${job.id}/results`;
  const records: SfRecord[] = [];
  let locator: string | undefined;
  do {
    const api = new HttpApi(conn, { responseType: 'text/csv' });
    let next: string | undefined;
    api.on('response', (response: { headers: Record<string, string> }) => {
      next = response.headers['sforce-locator'];
    });
    const page = await api.request<SfRecord[]>({
      method: 'GET',
      url: locator ? `${results}?locator=${encodeURIComponent(locator)}` : results,
      headers: { Accept: 'text/csv' },
    });
    records.push(...page);
    options.onProgress?.({
      sobject: '',
      mode: 'bulk',
      done: records.length,
      total: job.getInfo().numberRecordsProcessed ?? records.length,
    });
    locator = next && next !== 'null' ? next : undefined;
  } while (locator);
  return records;
}

export async function syncTenant(
  db: Db,
  conn: Connection,
  tenantId: string,
  options: SyncOptions,
): Promise<SyncReport[]> {
  const reports: SyncReport[] = [];
  for (const spec of SYNCED_SOBJECTS)
    reports.push(await syncSObject(db, conn, tenantId, spec as SObjectSpec<unknown>, options));
  return reports;
}
