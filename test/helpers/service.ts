// Starts the real app on a loopback port over a test database, with tenants and an HTTP client.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../service/src/app';
import { createLogger, type Logger } from '../../service/src/platform/logger';
import { createTenant } from '../../service/src/features/tenants/tenants';
import { JobRunner } from '../../service/src/features/jobs';
import type { BackgroundWork } from '../../service/src/platform/background-work';
import type { DatabaseTarget, Db } from '../../service/src/platform/database/database';
import { openTestDatabase, type DatabaseKind } from './databases';

export type Role = 'rep' | 'salesops' | 'manager';

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface Client {
  request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Reply<T>>;
  as(userId: string, role: Role): Client;
}

export interface TestService {
  url: string;
  db: Db;
  /** where the service's database is, for a second connection */
  target: DatabaseTarget;
  /** a client for tenant "acme" acting as a rep */
  client: Client;
  clientFor(apiKey: string, userId?: string, role?: Role): Client;
  newTenant(
    slug: string,
    options?: { withDefaultLibrary?: boolean },
  ): Promise<{ apiKey: string; tenantId: string }>;
  tenantId: string;
  apiKey: string;
  /** the app's bridge to its job runner, which paces background work by who is served */
  background: BackgroundWork;
  close(): Promise<void>;
}

export const REP = '005000000000001AAA';
export const OTHER_REP = '005000000000002AAA';
export const OPS = '005000000000009AAA';
export const MANAGER = '005000000000008AAA';

export function makeClient(url: string, apiKey: string, userId = REP, role: Role = 'rep'): Client {
  return {
    async request(method, path, body, headers = {}) {
      const isText = typeof body === 'string';
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${apiKey}`,
          'x-actor-id': userId,
          'x-actor-role': role,
          ...(body === undefined ? {} : { 'content-type': isText ? 'text/csv' : 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : isText ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON (CSV export, metrics)
      }
      return { status: response.status, headers: response.headers, body: parsed as never, text };
    },
    as(nextUser, nextRole) {
      return makeClient(url, apiKey, nextUser, nextRole);
    },
  };
}

export async function startTestService(
  kind: DatabaseKind,
  options: {
    bodyLimit?: string;
    rateLimitPerMinute?: number;
    /** every test client connects from 127.0.0.1: unlimited unless a test is about this limit */
    rateLimitPerAddressPerMinute?: number;
    trustProxy?: number | string;
    withDefaultLibrary?: boolean;
    /** defaults to a silent logger; pass one to capture the service's log lines */
    logger?: Logger;
    metrics?: { token?: string; tenantLabels?: boolean; refreshMs?: number };
  } = {},
): Promise<TestService> {
  const database = await openTestDatabase(kind);
  const logger = options.logger ?? createLogger('silent');
  const { app, background } = createApp({
    db: database.db,
    logger,
    bodyLimit: options.bodyLimit,
    rateLimitPerMinute: options.rateLimitPerMinute,
    metrics: options.metrics,
    rateLimitPerAddressPerMinute: options.rateLimitPerAddressPerMinute ?? 100_000_000,
    trustProxy: options.trustProxy,
  });
  // the single-process default: queued jobs run in this process
  const jobs = new JobRunner(database.db, logger, {
    pace: (tenantId, stepMs) => background.yieldAfter(tenantId, stepMs),
  });
  background.attach(() => jobs.wake());
  jobs.start();
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const newTenant = async (slug: string, opts: { withDefaultLibrary?: boolean } = {}) => {
    const created = await createTenant(database.db, {
      slug,
      name: slug,
      withDefaultLibrary: opts.withDefaultLibrary ?? false,
    });
    return { apiKey: created.apiKey, tenantId: created.tenant.id };
  };
  const acme = await newTenant('acme', { withDefaultLibrary: options.withDefaultLibrary });
  return {
    url,
    db: database.db,
    target: database.target,
    client: makeClient(url, acme.apiKey),
    clientFor: (apiKey, userId, role) => makeClient(url, apiKey, userId, role),
    newTenant,
    tenantId: acme.tenantId,
    apiKey: acme.apiKey,
    background,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await jobs.stop();
      await database.close();
    },
  };
}

/** The job once it is done or failed, polled as sales ops. */
export async function waitForJob(service: TestService, jobId: string, timeoutMs = 30_000) {
  // generous: on a loaded machine the background job can take seconds; its outcome is what counts
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const job = await service.client.as(OPS, 'salesops').request('GET', `/v1/jobs/${jobId}`);
    if (job.body.status === 'done' || job.body.status === 'failed') return job.body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job did not finish');
}

export const OPPORTUNITY = {
  id: '006000000000001AAA',
  name: 'St. Agnes Health – Patient Access',
  stage: 'Needs Analysis',
  amount: 250000,
  closeDate: '2027-03-31',
  recordType: 'New Business',
  accountName: 'St. Agnes Health',
  industry: 'Healthcare',
  isClosed: false,
  isWon: false,
};

export function samplePrompt(key: string, overrides: Record<string, unknown> = {}) {
  return {
    key,
    title: `Prompt ${key}`,
    provocation: 'What happens to {Account.Name} when self-scheduling becomes the norm?',
    followUp: 'What are you already doing about it?',
    rationale: 'Patients expect to book online.',
    source: 'Practitioner observation',
    expiresOn: null,
    targeting: {
      industries: ['Healthcare'],
      phases: ['middle'],
      stages: [],
      amountMin: null,
      amountMax: null,
      recordTypes: [],
    },
    ...overrides,
  };
}
