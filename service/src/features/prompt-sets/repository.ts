// Prompt sets, their versions (draft → published → retired) and the prompts of each version.
import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../platform/database/database';
import { fixedStatement } from '../../platform/database/fixed-statement';
import type { PromptsTable, PromptSetVersionsTable } from '../../platform/database/schema';
import type { PromptContent } from './prompt-content';
import { requiredMergeFields } from './merge-fields';

export interface PromptRecord extends PromptContent {
  id: string;
  setId: string;
  version: number;
  /** merge fields the prompt cannot be shown without (used with no fallback): sales ops see what each needs */
  requiredMergeFields: string[];
}

export type VersionStatus = 'draft' | 'published' | 'retired';

export interface VersionSummary {
  setId: string;
  version: number;
  status: VersionStatus;
  name: string;
  description: string;
  promptCount: number;
  createdAt: string;
  publishedAt: string | null;
  retiredAt: string | null;
}

export interface VersionRecord extends VersionSummary {
  prompts: PromptRecord[];
}

export interface PromptSetRecord {
  id: string;
  name: string;
  description: string;
  createdAt: string;
  versions: VersionSummary[];
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function toPrompt(row: Selectable<PromptsTable>): PromptRecord {
  return {
    id: row.id,
    setId: row.set_id,
    version: row.version,
    key: row.key,
    title: row.title,
    provocation: row.provocation,
    followUp: row.follow_up,
    rationale: row.rationale,
    source: row.source,
    expiresOn: row.expires_on,
    targeting: row.targeting,
    requiredMergeFields: requiredMergeFields(row.title, row.provocation, row.follow_up),
  };
}

function toSummary(row: Selectable<PromptSetVersionsTable>, promptCount: number): VersionSummary {
  return {
    setId: row.set_id,
    version: row.version,
    status: row.status,
    name: row.name,
    description: row.description,
    promptCount,
    createdAt: iso(row.created_at)!,
    publishedAt: iso(row.published_at),
    retiredAt: iso(row.retired_at),
  };
}

/** The tenant's number of sets, holding the tenant's row until the transaction ends so that
 * concurrent creations count one after another. */
export async function countPromptSetsLocked(tx: Executor, tenantId: string): Promise<number> {
  await tx.selectFrom('tenants').select('id').where('id', '=', tenantId).forUpdate().execute();
  const row = await tx
    .selectFrom('prompt_sets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertPromptSet(
  db: Executor,
  tenantId: string,
  set: { name: string; description: string },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('prompt_sets')
    .values({ tenant_id: tenantId, id, ...set })
    .execute();
  return id;
}

export async function insertVersion(
  db: Executor,
  tenantId: string,
  version: { setId: string; version: number; status: VersionStatus; name: string; description: string },
  prompts: PromptContent[],
): Promise<void> {
  await db
    .insertInto('prompt_set_versions')
    .values({
      tenant_id: tenantId,
      set_id: version.setId,
      version: version.version,
      status: version.status,
      name: version.name,
      description: version.description,
      published_at: version.status === 'published' ? new Date() : null,
    })
    .execute();
  await writePrompts(db, tenantId, version.setId, version.version, prompts);
}

/** The statement of writePrompts: `prompts` is the version's prompts as JSON, in the columns it reads. */
const writePromptsStatement = fixedStatement<
  { tenantId: string; setId: string; version: number; prompts: string },
  never
>(
  ['tenantId', 'setId', 'version', 'prompts'],
  ({ tenantId, setId, version, prompts }) => sql`
    insert into prompts (tenant_id, id, set_id, version, position, key, title, provocation, follow_up,
      rationale, source, expires_on, targeting)
    select ${tenantId}::uuid, p.id, ${setId}::uuid, ${version}::integer, p.position, p.key, p.title,
      p.provocation, p.follow_up, p.rationale, p.source, p.expires_on, p.targeting
    from jsonb_to_recordset(${prompts}::jsonb) as p(id uuid, position integer, key text, title text,
      provocation text, follow_up text, rationale text, source text, expires_on text, targeting jsonb)
    on conflict (tenant_id, id) do update set position = excluded.position, title = excluded.title,
      provocation = excluded.provocation, follow_up = excluded.follow_up, rationale = excluded.rationale,
      source = excluded.source, expires_on = excluded.expires_on, targeting = excluded.targeting`,
);

/**
 * Writes a version's prompts; a prompt whose key `idsByKey` names keeps that id (and is updated).
 * The prompts go as one JSON value to a statement compiled once: a version may hold a thousand
 * prompts, and building a statement with a parameter for every column of each held the request
 * thread in proportion while other tenants waited.
 */
async function writePrompts(
  db: Executor,
  tenantId: string,
  setId: string,
  version: number,
  prompts: PromptContent[],
  idsByKey = new Map<string, string>(),
): Promise<void> {
  if (prompts.length === 0) return;
  const rows = prompts.map((p, position) => ({
    id: idsByKey.get(p.key) ?? randomUUID(),
    position,
    key: p.key,
    title: p.title,
    provocation: p.provocation,
    follow_up: p.followUp,
    rationale: p.rationale,
    source: p.source,
    expires_on: p.expiresOn,
    targeting: p.targeting,
  }));
  await writePromptsStatement(db, { tenantId, setId, version, prompts: JSON.stringify(rows) });
}

export async function replaceDraft(
  db: Executor,
  tenantId: string,
  setId: string,
  version: number,
  meta: { name: string; description: string },
  prompts: PromptContent[],
): Promise<void> {
  await db
    .updateTable('prompt_set_versions')
    .set(meta)
    .where('tenant_id', '=', tenantId)
    .where('set_id', '=', setId)
    .where('version', '=', version)
    .execute();
  // a prompt keeps its id while its key stays in the draft, so nothing that names it is orphaned
  const kept = prompts.map((p) => p.key);
  await db
    .deleteFrom('prompts')
    .where('tenant_id', '=', tenantId)
    .where('set_id', '=', setId)
    .where('version', '=', version)
    .$if(kept.length > 0, (qb) => qb.where('key', 'not in', kept))
    .execute();
  const existing = await db
    .selectFrom('prompts')
    .select(['id', 'key'])
    .where('tenant_id', '=', tenantId)
    .where('set_id', '=', setId)
    .where('version', '=', version)
    .execute();
  await writePrompts(db, tenantId, setId, version, prompts, new Map(existing.map((p) => [p.key, p.id])));
}

export async function setVersionStatus(
  db: Executor,
  tenantId: string,
  setId: string,
  version: number,
  status: VersionStatus,
): Promise<void> {
  const now = new Date();
  await db
    .updateTable('prompt_set_versions')
    .set({
      status,
      ...(status === 'published' ? { published_at: now } : {}),
      ...(status === 'retired' ? { retired_at: now } : {}),
    })
    .where('tenant_id', '=', tenantId)
    .where('set_id', '=', setId)
    .where('version', '=', version)
    .execute();
}

async function versionSummaries(db: Executor, tenantId: string, setIds: string[]): Promise<VersionSummary[]> {
  if (setIds.length === 0) return [];
  const rows = await db
    .selectFrom('prompt_set_versions as v')
    .selectAll('v')
    .select((eb) =>
      eb
        .selectFrom('prompts as p')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('p.tenant_id', '=', 'v.tenant_id')
        .whereRef('p.set_id', '=', 'v.set_id')
        .whereRef('p.version', '=', 'v.version')
        .as('prompt_count'),
    )
    .where('v.tenant_id', '=', tenantId)
    .where('v.set_id', 'in', setIds)
    .orderBy('v.set_id')
    .orderBy('v.version')
    .execute();
  return rows.map((r) => toSummary(r, Number(r.prompt_count)));
}

export async function listPromptSets(db: Executor, tenantId: string): Promise<PromptSetRecord[]> {
  const sets = await db
    .selectFrom('prompt_sets')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const versions = await versionSummaries(
    db,
    tenantId,
    sets.map((s) => s.id),
  );
  return sets.map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    createdAt: iso(s.created_at)!,
    versions: versions.filter((v) => v.setId === s.id),
  }));
}

export async function findPromptSet(
  db: Executor,
  tenantId: string,
  setId: string,
): Promise<PromptSetRecord | undefined> {
  const set = await db
    .selectFrom('prompt_sets')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', setId)
    .executeTakeFirst();
  if (!set) return undefined;
  return {
    id: set.id,
    name: set.name,
    description: set.description,
    createdAt: iso(set.created_at)!,
    versions: await versionSummaries(db, tenantId, [setId]),
  };
}

/** One version with its prompts; `forUpdate` locks it for a status change or an edit. */
export async function findVersion(
  db: Executor,
  tenantId: string,
  setId: string,
  version: number,
  options: { forUpdate?: boolean } = {},
): Promise<VersionRecord | undefined> {
  let query = db
    .selectFrom('prompt_set_versions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('set_id', '=', setId)
    .where('version', '=', version);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const prompts = await db
    .selectFrom('prompts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('set_id', '=', setId)
    .where('version', '=', version)
    .orderBy('position')
    .execute();
  return { ...toSummary(row, prompts.length), prompts: prompts.map(toPrompt) };
}

/** The tenant's prompts joined to the versions they belong to; the caller picks the columns. */
const promptsWithVersions = (db: Executor, tenantId: string) =>
  db
    .selectFrom('prompts as p')
    .innerJoin('prompt_set_versions as v', (join) =>
      join
        .onRef('v.tenant_id', '=', 'p.tenant_id')
        .onRef('v.set_id', '=', 'p.set_id')
        .onRef('v.version', '=', 'p.version'),
    )
    .where('p.tenant_id', '=', tenantId);

/** Each prompt key's title in the latest version that has it, for prompts no longer published. */
export async function latestPromptTitles(db: Executor, tenantId: string): Promise<Map<string, string>> {
  const rows = await promptsWithVersions(db, tenantId)
    .select(['p.key', 'p.title'])
    .orderBy('v.created_at', 'asc')
    .execute();
  // later versions overwrite earlier ones
  return new Map(rows.map((r) => [r.key, r.title]));
}

/** Prompts of every published version of the tenant's sets. */
export async function listPublishedPrompts(db: Executor, tenantId: string): Promise<PromptRecord[]> {
  const rows = await promptsWithVersions(db, tenantId)
    .selectAll('p')
    .where('v.status', '=', 'published')
    .orderBy('p.set_id')
    .orderBy('p.position')
    .execute();
  return rows.map(toPrompt);
}

/** Prompts by id, each with the status of the version it belongs to. */
export async function findPromptsByIds(
  db: Executor,
  tenantId: string,
  ids: string[],
): Promise<Array<PromptRecord & { status: VersionStatus }>> {
  if (ids.length === 0) return [];
  const rows = await promptsWithVersions(db, tenantId)
    .selectAll('p')
    .select('v.status')
    .where('p.id', 'in', ids)
    .execute();
  return rows.map((row) => ({ ...toPrompt(row), status: row.status }));
}

export interface PromotionRecord {
  id: string;
  kind: 'adhoc' | 'redirected';
  text: string;
  setId: string;
  version: number;
  promptKey: string;
  sourceNoteIds: string[];
}

/** Records that a candidate became a prompt; returns the promotion's id. */
export async function insertPromotion(
  db: Executor,
  tenantId: string,
  promotedBy: string,
  promotion: Omit<PromotionRecord, 'id'>,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('prompt_promotions')
    .values({
      tenant_id: tenantId,
      id,
      kind: promotion.kind,
      text: promotion.text,
      set_id: promotion.setId,
      version: promotion.version,
      prompt_key: promotion.promptKey,
      source_note_ids: JSON.stringify(promotion.sourceNoteIds),
      promoted_by: promotedBy,
    })
    .execute();
  return id;
}
