// API usage: what the org last reported in Sforce-Limit-Info, our own calls per hour (the budget is
// a share of the daily allocation over a rolling 24 hours), and throttling after 403/503.
import { sql } from 'kysely';
import type { Executor } from '../../../platform/database/database';

export interface ApiUsageRecord {
  orgUsed: number | null;
  dailyLimit: number | null;
  observedAt: string | null;
  ownCalls24h: number;
  throttledUntil: string | null;
  throttleReason: string | null;
}

export async function recordApiCalls(
  db: Executor,
  tenantId: string,
  observed: { calls: number; orgUsed?: number; dailyLimit?: number },
): Promise<void> {
  if (observed.calls > 0) {
    await db
      .insertInto('salesforce_api_calls')
      .values({ tenant_id: tenantId, hour: sql`date_trunc('hour', now())`, calls: observed.calls })
      .onConflict((oc) =>
        oc
          .columns(['tenant_id', 'hour'])
          .doUpdateSet({ calls: sql`salesforce_api_calls.calls + ${observed.calls}` }),
      )
      .execute();
    await db
      .deleteFrom('salesforce_api_calls')
      .where('tenant_id', '=', tenantId)
      .where('hour', '<', sql<Date>`now() - interval '2 days'`)
      .execute();
  }
  if (observed.orgUsed !== undefined && observed.dailyLimit !== undefined) {
    const values = { used: observed.orgUsed, daily_limit: observed.dailyLimit, observed_at: new Date() };
    await db
      .insertInto('salesforce_api_usage')
      .values({ tenant_id: tenantId, ...values })
      .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
      .execute();
  }
}

export async function setThrottle(
  db: Executor,
  tenantId: string,
  untilMs: number,
  reason: string | null,
): Promise<void> {
  const values = { throttled_until: reason ? new Date(untilMs) : null, throttle_reason: reason };
  await db
    .insertInto('salesforce_api_usage')
    .values({ tenant_id: tenantId, used: 0, daily_limit: 0, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
    .execute();
}

export async function readApiUsage(db: Executor, tenantId: string): Promise<ApiUsageRecord> {
  const usage = await db
    .selectFrom('salesforce_api_usage')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  const calls = await db
    .selectFrom('salesforce_api_calls')
    .select(sql<number>`coalesce(sum(calls), 0)`.as('n'))
    .where('tenant_id', '=', tenantId)
    .where('hour', '>', sql<Date>`now() - interval '24 hours'`)
    .executeTakeFirstOrThrow();
  const known = usage && usage.daily_limit > 0;
  return {
    orgUsed: known ? usage.used : null,
    dailyLimit: known ? usage.daily_limit : null,
    observedAt: known ? new Date(usage.observed_at).toISOString() : null,
    ownCalls24h: Number(calls.n),
    throttledUntil: usage?.throttled_until ? new Date(usage.throttled_until).toISOString() : null,
    throttleReason: usage?.throttle_reason ?? null,
  };
}

export async function listApiUsage(db: Executor): Promise<Array<ApiUsageRecord & { tenantId: string }>> {
  const tenants = await db.selectFrom('salesforce_connections').select('tenant_id').execute();
  return Promise.all(
    tenants.map(async (t) => ({ tenantId: t.tenant_id, ...(await readApiUsage(db, t.tenant_id)) })),
  );
}
