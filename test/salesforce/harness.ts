// A tenant connected to a fresh Salesforce fake over a test database, with a worker whose pauses
// and retries are short enough for tests.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Db } from '../../service/src/platform/database/database';
import { createLogger } from '../../service/src/platform/logger';
import { createTenant } from '../../service/src/features/tenants/tenants';
import { connectOrg, type AuthInput } from '../../service/src/features/salesforce/admin';
import { ConnectionFactory } from '../../service/src/features/salesforce/connection-factory';
import { SalesforceWorker, type WorkerSettings } from '../../service/src/features/salesforce/worker';
import { createNote } from '../../service/src/features/notes/notes';
import { defaultSettings } from '../../service/src/features/settings/settings';
import { startSalesforceFake, type FakeOptions, type SalesforceFake } from '../salesforce-fake';

export const SECRETS_KEY = randomBytes(32);
export const CLIENT_ID = '3MVG9fake.connected.app';
export const INTEGRATION_USER = 'integration@example.com';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
export const PRIVATE_KEY = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
export const PUBLIC_KEY = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();

// pauses long enough to observe; `drain` lifts them, as if the time had passed
export const FAST: WorkerSettings = {
  intervalMs: 50,
  limitExceededPauseMs: 60_000,
  outageBaseMs: 60_000,
  outageMaxMs: 60_000,
  authRetryMs: 60_000,
  outbox: { retryBaseMs: 20, retryMaxMs: 100, maxAttempts: 4, leaseMs: 60_000 },
  sync: { lagMs: 0, bulkPollIntervalMs: 10 },
};

export async function startFake(options: FakeOptions = {}): Promise<SalesforceFake> {
  const fake = await startSalesforceFake(options);
  fake.registerClient({
    clientId: CLIENT_ID,
    clientSecret: 'client-secret-value',
    certificate: PUBLIC_KEY,
    users: { [INTEGRATION_USER]: 'dev-password' },
  });
  return fake;
}

export function jwtAuth(): AuthInput {
  return { flow: 'jwt', clientId: CLIENT_ID, username: INTEGRATION_USER, privateKey: PRIVATE_KEY };
}

export async function newTenant(db: Db, slug = `t-${randomBytes(4).toString('hex')}`): Promise<string> {
  return (await createTenant(db, { slug, name: slug, withDefaultLibrary: false })).tenant.id;
}

export async function connect(
  db: Db,
  fake: SalesforceFake,
  tenantId: string,
  extra: { auth?: AuthInput; budgetShare?: number } = {},
): Promise<void> {
  await connectOrg(db, { secretsKey: SECRETS_KEY, allowPasswordFlow: true, allowLocalOrg: true }, tenantId, {
    loginUrl: fake.url,
    apiVersion: '62.0',
    auth: extra.auth ?? jwtAuth(),
    budgetShare: extra.budgetShare,
  });
}

export function newWorker(db: Db, options: WorkerSettings = {}, requestTimeoutMs = 2000): SalesforceWorker {
  const factory = new ConnectionFactory(db, {
    secretsKey: SECRETS_KEY,
    requestTimeoutMs,
    endpoints: { allowLocalOrg: true },
  });
  return new SalesforceWorker(db, factory, createLogger('silent'), {
    ...FAST,
    ...options,
    outbox: { ...FAST.outbox, ...options.outbox },
    sync: { ...FAST.sync, ...options.sync },
  });
}

/** Ticks until the outbox is empty of due work (or gives up), waiting out short pauses. */
export async function drain(
  worker: SalesforceWorker,
  db: Db,
  tenantId: string,
  maxTicks = 60,
): Promise<void> {
  for (let i = 0; i < maxTicks; i++) {
    await worker.runTenant(tenantId);
    const left = await db
      .selectFrom('salesforce_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    if (Number(left.n) === 0) return;
    await liftPause(db, tenantId);
    await new Promise((r) => setTimeout(r, 40));
  }
  throw new Error('the outbox did not drain');
}

/** Keeps the scheduled sync out of the way of tests about roll-ups. */
export async function postponeSync(db: Db, tenantId: string): Promise<void> {
  await db
    .updateTable('salesforce_sync_schedules')
    .set({ next_run_at: new Date(Date.now() + 86400_000) })
    .where('tenant_id', '=', tenantId)
    .execute();
}

export const REP = '005000000000001AAA';

export function actorFor(tenantId: string) {
  return { tenantId, userId: REP, role: 'rep' as const };
}

export async function logNote(
  db: Db,
  tenantId: string,
  opportunityId: string,
  content: {
    occurredAt?: string;
    summary?: string;
    reaction?: 'new_to_them' | 'already_addressing' | 'redirected' | 'dismissed';
  } = {},
) {
  return createNote(
    db,
    actorFor(tenantId),
    {
      opportunityId,
      occurredAt: content.occurredAt ?? '2026-11-20',
      summary:
        content.summary ??
        'We raised how payer consolidation will squeeze their margins next year; they had not considered it.',
      prompts: content.reaction ? [{ text: 'An ad-hoc provocation', reaction: content.reaction }] : [],
      nextStep: 'Working session with Priya on December 8.',
      nextStepDate: '2026-12-08',
    },
    defaultSettings(),
  );
}

export async function outboxRows(db: Db, tenantId: string) {
  return db.selectFrom('salesforce_outbox').selectAll().where('tenant_id', '=', tenantId).execute();
}

/** The org's back-off period is over. */
export async function liftPause(db: Db, tenantId: string): Promise<void> {
  await db
    .updateTable('salesforce_api_usage')
    .set({ throttled_until: null })
    .where('tenant_id', '=', tenantId)
    .execute();
}

/** Leases run out, as they do when their worker died. */
export async function expireLeases(db: Db, tenantId: string): Promise<void> {
  await db
    .updateTable('salesforce_outbox')
    .set({ leased_until: new Date(Date.now() - 1000) })
    .where('tenant_id', '=', tenantId)
    .where('leased_until', 'is not', null)
    .execute();
}
