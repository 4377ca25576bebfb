// /metrics tells how the service and its tenants are doing: only a scraper holding METRICS_TOKEN
// may read it, tenant ids appear only when asked for, and the database figures are read at most
// once per refresh interval however often it is scraped. Five apps with different settings: on
// Postgres only, where a fresh database costs a second (the figures' queries are the repositories',
// which run on both engines elsewhere).
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../service/src/platform/database/database';
import { startTestService, type TestService } from '../helpers/service';

const TOKEN = randomBytes(24).toString('base64url');

async function queueRollup(db: Db, tenantId: string): Promise<void> {
  await sql`insert into salesforce_outbox (tenant_id, opportunity_id, status, next_attempt_at, enqueued_at)
    values (${tenantId}, ${`006${randomUUID().slice(0, 12)}`}, 'pending', now(), now())`.execute(db);
}

async function scrape(service: TestService, token?: string) {
  const reply = await fetch(`${service.url}/metrics`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  return { status: reply.status, headers: reply.headers, text: await reply.text() };
}

describe('metrics', () => {
  const kind = 'postgres';
  const services: TestService[] = [];
  const start = async (metrics: { token?: string; tenantLabels?: boolean; refreshMs?: number }) => {
    const service = await startTestService(kind, { metrics });
    services.push(service);
    return service;
  };
  afterAll(async () => {
    for (const service of services) await service.close();
  });

  test('when no METRICS_TOKEN is set, then /metrics is a 404 that says how to turn it on', async () => {
    const service = await start({});
    const reply = await scrape(service);
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.text).error.message).toMatch(/METRICS_TOKEN/);
    expect((await scrape(service, 'anything-at-all-anything-at-all-1')).status).toBe(404);
  });

  test('when a token is set, then only a scraper sending it reads the figures, without tenant ids', async () => {
    const service = await start({ token: TOKEN });
    const other = await service.newTenant(`metrics-other-${kind}`);
    await queueRollup(service.db, service.tenantId);
    await queueRollup(service.db, other.tenantId);
    await service.client.request('GET', '/v1/settings');

    for (const token of [undefined, `${TOKEN}x`, TOKEN.slice(1), service.apiKey]) {
      const refused = await scrape(service, token);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(refused.text).not.toContain('upatnight_');
    }
    const reply = await scrape(service, TOKEN);
    expect(reply.status).toBe(200);
    expect(reply.text).toContain(
      'upatnight_http_requests_total{method="GET",route="/v1/settings",status="200"}',
    );
    expect(reply.text).toContain('upatnight_salesforce_outbox_items{status="pending"} 2');
    for (const tenantId of [service.tenantId, other.tenantId]) expect(reply.text).not.toContain(tenantId);
    expect(reply.text).not.toContain('tenant=');
  });

  test('when tenant labels are asked for, then each tenant has its own series', async () => {
    const service = await start({ token: TOKEN, tenantLabels: true });
    await queueRollup(service.db, service.tenantId);
    const reply = await scrape(service, TOKEN);
    expect(reply.text).toContain(
      `upatnight_salesforce_outbox_items{tenant="${service.tenantId}",status="pending"} 1`,
    );
  });

  test('when scrapes come faster than the refresh interval, then the database is read once for them', async () => {
    const service = await start({ token: TOKEN, refreshMs: 60_000 });
    await queueRollup(service.db, service.tenantId);
    expect((await scrape(service, TOKEN)).text).toContain(
      'upatnight_salesforce_outbox_items{status="pending"} 1',
    );
    await queueRollup(service.db, service.tenantId);
    const scrapes = await Promise.all([1, 2, 3].map(() => scrape(service, TOKEN)));
    for (const reply of scrapes)
      expect(reply.text).toContain('upatnight_salesforce_outbox_items{status="pending"} 1');

    const fresh = await start({ token: TOKEN, refreshMs: 0 });
    await queueRollup(fresh.db, fresh.tenantId);
    expect((await scrape(fresh, TOKEN)).text).toContain(
      'upatnight_salesforce_outbox_items{status="pending"} 1',
    );
    await queueRollup(fresh.db, fresh.tenantId);
    expect((await scrape(fresh, TOKEN)).text).toContain(
      'upatnight_salesforce_outbox_items{status="pending"} 2',
    );
  });
});
