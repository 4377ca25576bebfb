// Salesforce gauges for /metrics, read from the database at scrape time so every instance reports
// the same numbers whichever of them did the work.
import { Gauge, type Registry } from 'prom-client';
import type { Db } from '../storage/database';
import { outboxDepthByTenant } from '../storage/repositories/salesforce-outbox';
import { listApiUsage } from '../storage/repositories/salesforce-api-usage';
import { findConnection } from '../storage/repositories/salesforce-connections';
import { budgetVerdict } from './budget';

export function registerSalesforceMetrics(registry: Registry, db: Db): void {
  new Gauge({
    name: 'upatnight_salesforce_outbox_items',
    help: 'Roll-up outbox items by tenant and status (pending, parked)',
    labelNames: ['tenant', 'status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await outboxDepthByTenant(db))
        this.set({ tenant: row.tenantId, status: row.status }, row.items);
    },
  });
  const usage = new Gauge({
    name: 'upatnight_salesforce_api_calls_24h',
    help: "The service's own Salesforce API calls over the last 24 hours, by tenant",
    labelNames: ['tenant'],
    registers: [registry],
  });
  const orgUsage = new Gauge({
    name: 'upatnight_salesforce_org_api_usage_ratio',
    help: 'Share of the org daily API allocation used, as Sforce-Limit-Info last reported it',
    labelNames: ['tenant'],
    registers: [registry],
  });
  new Gauge({
    name: 'upatnight_salesforce_background_paused',
    help: '1 while background Salesforce work of the tenant is paused (API budget or throttling)',
    labelNames: ['tenant'],
    registers: [registry],
    async collect() {
      this.reset();
      usage.reset();
      orgUsage.reset();
      for (const row of await listApiUsage(db)) {
        const share = (await findConnection(db, row.tenantId))?.budgetShare ?? 0;
        this.set({ tenant: row.tenantId }, budgetVerdict(row, share).paused ? 1 : 0);
        usage.set({ tenant: row.tenantId }, row.ownCalls24h);
        if (row.dailyLimit && row.orgUsed !== null)
          orgUsage.set({ tenant: row.tenantId }, row.orgUsed / row.dailyLimit);
      }
    },
  });
}
