// Loads a synthetic org (see synthetic-data.ts) into a tenant in batches: users, opportunities,
// then notes with their prompt rows, reporting progress as notes land.
import type { Db } from '../../service/src/platform/database/database';
import { todayUtc } from '../../service/src/features/analytics';
import { bulkInsertNotes, bulkInsertOpportunities, vacuumAfterBulkLoad } from './bulk-load';
import { listPublishedPrompts } from '../../service/src/features/prompt-sets';
import { upsertUsers } from '../../service/src/features/users';
import { SyntheticOrg } from './synthetic-data';

export const SEED_BATCH = 5000;

export interface SeedCounts {
  notes: number;
  opportunities: number;
  reps: number;
}

export interface SeedSummary {
  users: number;
  opportunities: number;
  notes: number;
  managers: string[];
}

export async function seedSynthetic(
  db: Db,
  tenantId: string,
  counts: SeedCounts,
  onProgress: (notesDone: number, notesTotal: number) => void = () => {},
  seed = 1,
): Promise<SeedSummary> {
  const published = await listPublishedPrompts(db, tenantId);
  const prompts = published.map((p) => ({
    id: p.id,
    key: p.key,
    setId: p.setId,
    version: p.version,
    title: p.title,
    industries: p.targeting.industries,
  }));
  const org = new SyntheticOrg(counts, prompts, todayUtc(), seed);
  for (let i = 0; i < org.users.length; i += SEED_BATCH) {
    await upsertUsers(db, tenantId, org.users.slice(i, i + SEED_BATCH));
  }
  for (let i = 0; i < org.opportunities.length; i += SEED_BATCH) {
    const batch = org.opportunities.slice(i, i + SEED_BATCH).map((o) => ({
      id: o.id, name: o.name, stage: o.stage, amount: o.amount, close_date: o.closeDate,
      account_name: o.accountName, industry: o.industry, is_closed: o.isClosed, is_won: o.isWon, owner_id: o.ownerId,
    })); // prettier-ignore
    await bulkInsertOpportunities(db, tenantId, batch);
  }
  onProgress(0, counts.notes);
  for (let done = 0; done < counts.notes;) {
    const size = Math.min(SEED_BATCH, counts.notes - done);
    await bulkInsertNotes(
      db,
      tenantId,
      Array.from({ length: size }, () => org.note()),
    );
    done += size;
    onProgress(done, counts.notes);
  }
  await vacuumAfterBulkLoad(db);
  return {
    users: org.users.length,
    opportunities: org.opportunities.length,
    notes: counts.notes,
    managers: org.users.filter((u) => u.id.startsWith('005M')).map((u) => u.id),
  };
}
