// The one place that opens jsforce connections: per tenant, from its stored connection (secrets
// decrypted only here), through the metered transport; cached until the stored connection changes.
// An expired session (INVALID_SESSION_ID) is refreshed by running the tenant's auth flow again.
import { Connection } from 'jsforce';
import type { Db } from '../../platform/database/database';
import { findConnection, setInstanceUrl, type ConnectionRecord } from './data-access/connections';
import { requestToken, type AuthSecrets } from './auth';
import type { EndpointPolicy } from './endpoints';
import { decryptSecret } from './secrets';
import { CallMeter, MeteredTransport } from './transport';

export interface SalesforceSession {
  tenantId: string;
  conn: Connection;
  meter: CallMeter;
  record: ConnectionRecord;
}

export interface ConnectionFactoryOptions {
  secretsKey?: Buffer;
  /** longest a single call may take before it counts as unanswered */
  requestTimeoutMs?: number;
  /** which org addresses may be called (the local fake only in development and tests) */
  endpoints?: EndpointPolicy;
}

export class SecretsKeyMissing extends Error {
  constructor() {
    super('SECRETS_KEY is not set: set it (32 bytes, base64) to connect or use a Salesforce org');
  }
}

export function decryptAuthSecrets(key: Buffer | undefined, record: ConnectionRecord): AuthSecrets {
  if (!key) throw new SecretsKeyMissing();
  return JSON.parse(decryptSecret(key, record.tenantId, record.secrets)) as AuthSecrets;
}

export class ConnectionFactory {
  private readonly sessions = new Map<string, Promise<SalesforceSession>>();
  private readonly versions = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly options: ConnectionFactoryOptions,
  ) {}

  /** The tenant's session, or undefined when the tenant has no connection (standalone mode). */
  async forTenant(tenantId: string): Promise<SalesforceSession | undefined> {
    const record = await findConnection(this.db, tenantId);
    if (!record) {
      this.forget(tenantId);
      return undefined;
    }
    if (this.versions.get(tenantId) !== record.updatedAt) {
      this.forget(tenantId);
      this.versions.set(tenantId, record.updatedAt);
      const opening = this.open(record);
      // a failed login is not cached: the next attempt tries again
      opening.catch(() => this.forget(tenantId));
      this.sessions.set(tenantId, opening);
    }
    return this.sessions.get(tenantId)!;
  }

  forget(tenantId: string): void {
    this.sessions.delete(tenantId);
    this.versions.delete(tenantId);
  }

  /** A fresh session outside the cache (connection test): proves the stored credentials work now. */
  async open(record: ConnectionRecord): Promise<SalesforceSession> {
    const secrets = decryptAuthSecrets(this.options.secretsKey, record);
    const meter = new CallMeter();
    const policy = this.options.endpoints ?? {};
    const transport = new MeteredTransport(meter, this.options.requestTimeoutMs ?? 30_000, policy);
    const token = await requestToken(record, secrets, transport, policy);
    const conn = new Connection({
      instanceUrl: token.instanceUrl,
      accessToken: token.accessToken,
      version: record.apiVersion,
      refreshFn: (c, callback) => {
        requestToken(record, secrets, transport, policy).then(
          (fresh) => {
            c.instanceUrl = fresh.instanceUrl;
            callback(null, fresh.accessToken);
          },
          (error: Error) => callback(error),
        );
      },
    });
    conn._transport = transport;
    await setInstanceUrl(this.db, record.tenantId, token.instanceUrl);
    return { tenantId: record.tenantId, conn, meter, record };
  }
}
