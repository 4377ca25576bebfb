// The demo tenant for `npm start`: created with its data on first start; its key is set from
// DEMO_API_KEY or rotated on every start (only a digest is stored, so a new one is the only one we can print).
import type { Db } from '../../platform/database/database';
import { pickPrompts, upsertOpportunity } from '../opportunities';
import { upsertUsers } from '../users';
import type { Actor } from '../../platform/actor';
import { createNote, type NotePromptInput } from '../notes';
import { loadSettings } from '../settings';
import { createTenant, findTenant, rotateKey } from '../tenants';
import { DEMO_MANAGER_ID, DEMO_NOTES, DEMO_OPPORTUNITIES, DEMO_SLUG, DEMO_USERS } from './demo-data';

export interface DemoTenant {
  slug: string;
  tenantId: string;
  apiKey: string;
  created: boolean;
}

const isoDaysFrom = (base: Date, days: number) =>
  new Date(base.getTime() + days * 86400_000).toISOString().slice(0, 10);

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

export async function seedDemoData(db: Db, tenantId: string, now = new Date()): Promise<void> {
  await upsertUsers(db, tenantId, DEMO_USERS);
  for (const opportunity of DEMO_OPPORTUNITIES) await upsertOpportunity(db, tenantId, opportunity);
  const settings = await loadSettings(db, tenantId);
  for (const note of DEMO_NOTES) {
    const opportunity = DEMO_OPPORTUNITIES.find((o) => o.id === note.opportunityId)!;
    const rep: Actor = { tenantId, userId: note.authorId, role: 'rep' };
    // prompts as the panel offered them, so the demo history matches what reps would have seen
    const offered = await pickPrompts(
      db,
      { ...rep, userId: DEMO_MANAGER_ID },
      { ...opportunity, stage: 'Needs Analysis' },
      settings,
    );
    const prompts: NotePromptInput[] = note.libraryReactions.flatMap((reaction, i) =>
      offered[i] ? [{ promptId: offered[i].id, reaction }] : [],
    );
    if (note.adHoc) prompts.push(note.adHoc);
    const occurredAt = isoDaysFrom(now, -note.daysAgo);
    await createNote(
      db,
      rep,
      {
        opportunityId: note.opportunityId,
        occurredAt,
        prompts,
        summary: note.summary,
        customerView: note.customerView,
        ideas: note.ideas,
        nextStep: note.nextStep,
        nextStepDate:
          note.nextStepInDays === undefined
            ? undefined
            : isoDaysFrom(now, -note.daysAgo + note.nextStepInDays),
      },
      settings,
    );
  }
}
