// The demo tenant for `npm start`: created with its data on first start; its key is set from
// DEMO_API_KEY or rotated on every start (only a digest is stored, so a new one is the only one we can print).
import type { Db } from '../../platform/database/database';
import { todayUtc } from '../analytics';
import { upsertOpportunity } from '../opportunities';
import { upsertUsers } from '../users';
import { importNotes } from '../notes';
import { listPublishedPrompts } from '../prompt-sets';
import { loadSettings } from '../settings';
import { createTenant, findTenant, rotateKey } from '../tenants';
import { DEMO_SLUG, DEMO_USERS } from './demo-data';
import { demoConversations, demoDeals } from './demo-history';

export interface DemoTenant {
  slug: string;
  tenantId: string;
  apiKey: string;
  created: boolean;
}

export async function ensureDemoTenant(db: Db, apiKey?: string): Promise<DemoTenant> {
  const existing = await findTenant(db, DEMO_SLUG);
  if (existing) {
    const rotated = await rotateKey(db, DEMO_SLUG, apiKey);
    return { slug: DEMO_SLUG, tenantId: existing.id, apiKey: rotated.apiKey, created: false };
  }
  const { tenant, apiKey: key } = await createTenant(db, { slug: DEMO_SLUG, name: 'Demo Org', apiKey });
  await seedDemoData(db, tenant.id);
  return { slug: DEMO_SLUG, tenantId: tenant.id, apiKey: key, created: true };
}

/**
 * Logs the demo's history as the product would have recorded it, in one transaction: the deals as
 * Salesforce holds them today, then every note scored and with the deal's stage on its day, in a few
 * statements.
 */
export async function seedDemoData(db: Db, tenantId: string, today = todayUtc()): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await upsertUsers(tx, tenantId, DEMO_USERS);
    const [settings, published] = await Promise.all([
      loadSettings(tx, tenantId),
      listPublishedPrompts(tx, tenantId),
    ]);
    const history = demoConversations(demoDeals(today), published, settings, today);
    for (const { deal } of history) await upsertOpportunity(tx, tenantId, deal.context);
    const notes = history.flatMap(({ conversations }) =>
      conversations.map(({ stage, authorId, note }) => ({ ...note, authorId, opportunityStage: stage })),
    );
    await importNotes(tx, tenantId, notes, settings);
  });
}
