// What an admin does with a tenant's Salesforce connection (admin API and CLI): connect, test,
// disconnect, look at the sync's state. Secrets are encrypted before they reach storage and never
// come back out of this module.
import type { Db } from '../../platform/database/database';
import { badRequest, notFound } from '../../platform/lib/errors';
import * as connections from './data-access/connections';
import { enqueueAllRollups, listParked, outboxDepth, requeueParked } from './data-access/outbox';
import { readApiUsage, recordApiCalls } from './data-access/api-usage';
import { listWatermarks } from './data-access/sync';
import type { AuthSecrets } from './auth';
import { budgetVerdict, DEFAULT_BUDGET_SHARE } from './budget';
import { ConnectionFactory, SecretsKeyMissing } from './connection-factory';
import { checkOrgBaseUrl, EndpointRefused, type EndpointPolicy } from './endpoints';
import { classifyFailure, describeFailure } from './errors';
import { encryptSecret } from './secrets';

export const DEFAULT_API_VERSION = '62.0';
export const DEFAULT_SYNC_INTERVAL_MINUTES = 15;

export interface SalesforceAdminOptions {
  secretsKey?: Buffer;
  /** username-password is for development orgs only */
  allowPasswordFlow: boolean;
  /** development and tests only: the local Salesforce fake, over http on a loopback address */
  allowLocalOrg?: boolean;
  requestTimeoutMs?: number;
}

function endpointPolicy(options: SalesforceAdminOptions): EndpointPolicy {
  return { allowLocalOrg: options.allowLocalOrg === true };
}

function checkedLoginUrl(options: SalesforceAdminOptions, loginUrl: string): string {
  try {
    return checkOrgBaseUrl(loginUrl, endpointPolicy(options));
  } catch (error) {
    if (!(error instanceof EndpointRefused)) throw error;
    throw badRequest(`loginUrl is refused: ${error.message}`, [{ path: 'loginUrl', message: error.message }]);
  }
}

export type AuthInput =
  | { flow: 'jwt'; clientId: string; username: string; privateKey: string }
  | { flow: 'client_credentials'; clientId: string; clientSecret: string }
  | { flow: 'password'; clientId: string; clientSecret: string; username: string; password: string };

export interface ConnectInput {
  loginUrl: string;
  apiVersion?: string;
  budgetShare?: number;
  syncIntervalMinutes?: number;
  auth: AuthInput;
}

export interface ConnectionView {
  loginUrl: string;
  instanceUrl: string | null;
  apiVersion: string;
  authFlow: connections.AuthFlow;
  clientId: string;
  username: string | null;
  budgetShare: number;
  syncIntervalMinutes: number;
  updatedAt: string;
}

function secretsOf(auth: AuthInput): AuthSecrets {
  switch (auth.flow) {
    case 'jwt':
      return { flow: 'jwt', privateKey: auth.privateKey };
    case 'client_credentials':
      return { flow: 'client_credentials', clientSecret: auth.clientSecret };
    case 'password':
      return { flow: 'password', clientSecret: auth.clientSecret, password: auth.password };
  }
}

export async function connectOrg(
  db: Db,
  options: SalesforceAdminOptions,
  tenantId: string,
  input: ConnectInput,
): Promise<ConnectionView> {
  if (!options.secretsKey) throw badRequest(new SecretsKeyMissing().message, [], 'secrets_key_missing');
  if (input.auth.flow === 'password' && !options.allowPasswordFlow) {
    throw badRequest('the username-password flow is for development only: use jwt or client_credentials', [
      { path: 'auth.flow', message: 'not allowed in production' },
    ]);
  }
  const loginUrl = checkedLoginUrl(options, input.loginUrl);
  const secrets = encryptSecret(options.secretsKey, tenantId, JSON.stringify(secretsOf(input.auth)));
  await db.transaction().execute(async (tx) => {
    await connections.putConnection(tx, {
      tenantId,
      loginUrl,
      apiVersion: input.apiVersion ?? DEFAULT_API_VERSION,
      authFlow: input.auth.flow,
      clientId: input.auth.clientId,
      username: 'username' in input.auth ? input.auth.username : null,
      secrets,
      budgetShare: input.budgetShare ?? DEFAULT_BUDGET_SHARE,
      syncIntervalMinutes: input.syncIntervalMinutes ?? DEFAULT_SYNC_INTERVAL_MINUTES,
    });
    // roll-ups of conversations logged before the org was connected
    await enqueueAllRollups(tx, tenantId);
  });
  return getConnection(db, tenantId);
}

export async function getConnection(db: Db, tenantId: string): Promise<ConnectionView> {
  const record = await connections.findConnection(db, tenantId);
  if (!record) throw notFound('Salesforce connection');
  return {
    loginUrl: record.loginUrl,
    instanceUrl: record.instanceUrl,
    apiVersion: record.apiVersion,
    authFlow: record.authFlow,
    clientId: record.clientId,
    username: record.username,
    budgetShare: record.budgetShare,
    syncIntervalMinutes: record.syncIntervalMinutes,
    updatedAt: record.updatedAt,
  };
}

export async function disconnectOrg(db: Db, tenantId: string): Promise<void> {
  const removed = await db.transaction().execute((tx) => connections.deleteConnection(tx, tenantId));
  if (!removed) throw notFound('Salesforce connection');
}

/** Logs in with the stored credentials and makes one call; says what went wrong if it fails. */
export async function testConnection(
  db: Db,
  options: SalesforceAdminOptions,
  tenantId: string,
): Promise<{
  ok: boolean;
  instanceUrl?: string;
  dailyApiRequests?: { max: number; remaining: number };
  error?: { code: string; message: string };
}> {
  const record = await connections.findConnection(db, tenantId);
  if (!record) throw notFound('Salesforce connection');
  const factory = new ConnectionFactory(db, { ...options, endpoints: endpointPolicy(options) });
  try {
    const session = await factory.open(record);
    try {
      const limits = (await session.conn.limits()) as {
        DailyApiRequests?: { Max: number; Remaining: number };
      };
      return {
        ok: true,
        instanceUrl: session.conn.instanceUrl,
        dailyApiRequests: limits.DailyApiRequests && {
          max: limits.DailyApiRequests.Max,
          remaining: limits.DailyApiRequests.Remaining,
        },
      };
    } finally {
      await recordApiCalls(db, tenantId, session.meter.take());
    }
  } catch (error) {
    return { ok: false, error: describeFailure(classifyFailure(error)) };
  }
}

export async function requestSync(db: Db, tenantId: string, options: { retryParked?: boolean } = {}) {
  if (!(await connections.requestSync(db, tenantId))) throw notFound('Salesforce connection');
  const requeued = options.retryParked ? await requeueParked(db, tenantId) : 0;
  return { requested: true, requeued };
}

export async function salesforceStatus(db: Db, tenantId: string) {
  const record = await connections.findConnection(db, tenantId);
  if (!record) return { connected: false as const };
  const [depth, parked, schedule, watermarks, usage] = await Promise.all([
    outboxDepth(db, tenantId),
    listParked(db, tenantId, 50),
    connections.findSchedule(db, tenantId),
    listWatermarks(db, tenantId),
    readApiUsage(db, tenantId),
  ]);
  const verdict = budgetVerdict(usage, record.budgetShare);
  return {
    connected: true as const,
    outbox: { ...depth, parkedItems: parked },
    sync: { ...schedule, watermarks },
    apiUsage: {
      ...usage,
      budgetShare: record.budgetShare,
      paused: verdict.paused,
      pauseReason: verdict.paused ? verdict.reason : null,
    },
  };
}
