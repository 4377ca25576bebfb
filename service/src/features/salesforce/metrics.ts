// Salesforce gauges for /metrics, read from the database so every instance reports the same numbers
// whichever of them did the work. The reads cost a query per connected tenant, so they run at most
// once per `refreshMs` whatever the scrape rate; scrapes in between get the last figures. Tenant ids
// are labels only when asked for (`tenantLabels`): by default each figure is summed over tenants
// (the org usage ratio is the highest one), so a scrape tells nobody which tenants exist.
import { Gauge, type Registry } from 'prom-client';
import type { Db } from '../../platform/database/database';
import { outboxDepthByTenant } from './data-access/outbox';
import { listApiUsage } from './data-access/api-usage';
import { findConnection } from './data-access/connections';
import { budgetVerdict } from './budget';

export interface SalesforceMetricsOptions {
  tenantLabels: boolean;
  refreshMs: number;
}

interface TenantFigures {
  outbox: Array<{ tenantId: string; status: string; items: number }>;
  usage: Array<{ tenantId: string; paused: boolean; ownCalls24h: number; orgUsageRatio: number | null }>;
}

async function readFigures(db: Db): Promise<TenantFigures> {
  const usage = await Promise.all(
    (await listApiUsage(db)).map(async (row) => {
      const share = (await findConnection(db, row.tenantId))?.budgetShare ?? 0;
      return {
        tenantId: row.tenantId,
        paused: budgetVerdict(row, share).paused,
        ownCalls24h: row.ownCalls24h,
        orgUsageRatio: row.dailyLimit && row.orgUsed !== null ? row.orgUsed / row.dailyLimit : null,
      };
    }),
  );
  return { outbox: await outboxDepthByTenant(db), usage };
}

/** The last figures, read again once they are older than `refreshMs`; concurrent scrapes share one read. */
function cachedFigures(db: Db, refreshMs: number): () => Promise<TenantFigures> {
  let last: { at: number; figures: Promise<TenantFigures> } | undefined;
  return () => {
    const now = Date.now();
    if (!last || now - last.at >= refreshMs) {
      const figures = readFigures(db);
      last = { at: now, figures };
      // a failed read is not kept: the next scrape tries again
      figures.catch(() => {
        if (last?.figures === figures) last = undefined;
      });
    }
    return last.figures;
  };
}

/** Sets one value per tenant, or one for all tenants combined. */
function setBy<T>(
  gauge: Gauge,
  rows: T[],
  labels: (row: T) => Record<string, string>,
  value: (row: T) => number | null,
  options: { tenantLabels: boolean; combine: (a: number, b: number) => number },
): void {
  gauge.reset();
  const combined = new Map<string, { labels: Record<string, string>; value: number }>();
  for (const row of rows) {
    const v = value(row);
    if (v === null) continue;
    const { tenant, ...rest } = labels(row);
    const key = options.tenantLabels ? JSON.stringify({ tenant, ...rest }) : JSON.stringify(rest);
    const earlier = combined.get(key);
    combined.set(key, {
      labels: options.tenantLabels ? { tenant: tenant!, ...rest } : rest,
      value: earlier ? options.combine(earlier.value, v) : v,
    });
  }
  for (const { labels: l, value: v } of combined.values()) gauge.set(l, v);
}

export function registerSalesforceMetrics(
  registry: Registry,
  db: Db,
  options: SalesforceMetricsOptions,
): void {
  const figures = cachedFigures(db, options.refreshMs);
  const tenant = options.tenantLabels ? ['tenant'] : [];
  const { tenantLabels } = options;
  const add = (a: number, b: number) => a + b;
  const perTenant = tenantLabels ? 'by tenant' : 'summed over tenants';
  new Gauge({
    name: 'upatnight_salesforce_outbox_items',
    help: `Roll-up outbox items by status (pending, parked), ${perTenant}`,
    labelNames: [...tenant, 'status'],
    registers: [registry],
    async collect() {
      const { outbox } = await figures();
      setBy(
        this,
        outbox,
        (r) => ({ tenant: r.tenantId, status: r.status }),
        (r) => r.items,
        {
          tenantLabels,
          combine: add,
        },
      );
    },
  });
  const usageGauge = (
    name: string,
    help: string,
    value: (row: TenantFigures['usage'][number]) => number | null,
    combine = add,
  ) =>
    new Gauge({
      name,
      help,
      labelNames: tenant,
      registers: [registry],
      async collect() {
        const { usage } = await figures();
        setBy(this, usage, (r) => ({ tenant: r.tenantId }), value, { tenantLabels, combine });
      },
    });
  usageGauge(
    'upatnight_salesforce_api_calls_24h',
    `The service's own Salesforce API calls over the last 24 hours, ${perTenant}`,
    (r) => r.ownCalls24h,
  );
  usageGauge(
    'upatnight_salesforce_org_api_usage_ratio',
    'Share of the org daily API allocation used, as Sforce-Limit-Info last reported it, ' +
      (tenantLabels ? 'by tenant' : 'the highest over tenants'),
    (r) => r.orgUsageRatio,
    Math.max,
  );
  usageGauge(
    'upatnight_salesforce_background_paused',
    tenantLabels
      ? '1 while background Salesforce work of the tenant is paused (API budget or throttling)'
      : 'Tenants whose background Salesforce work is paused (API budget or throttling)',
    (r) => (r.paused ? 1 : 0),
  );
}
