// Sales ops curate prompt sets: a set has numbered versions; one draft at a time is editable,
// publishing makes it immutable and retires the set's previously published version.
import { inTransaction, type Db, type Executor } from '../../platform/database/database';
import * as repo from './repository';
import type { PromptContent } from './prompt-content';
import type { PromptRecord, PromptSetRecord, VersionRecord } from './repository';
import { renderPrompt, selectPrompts } from './selection';
import type { OpportunityContext } from '../opportunities';
import type { TenantSettings } from '../settings';
import { todayUtc } from '../analytics';
import { badRequest, conflict, notFound } from '../../platform/lib/errors';
import type { Actor } from '../../platform/actor';
import { promptContent, promptProblems } from './prompt-content';
import type { ImportedFile } from './import-file';
import { readImportFileOffThread } from './off-thread';

/** Sets a tenant keeps and versions a set keeps: far above real curation, and they bound every
 * list the prompt-set routes and the panel read. */
export const MAX_PROMPT_SETS = 100;
export const MAX_VERSIONS_PER_SET = 100;

export interface PromptSetDraft {
  name: string;
  description: string;
  prompts: PromptContent[];
}

function checkPrompts(prompts: PromptContent[]): void {
  const details = promptProblems(prompts).map((d) => ({ ...d, path: `prompts.${d.path}` }));
  if (details.length > 0) throw badRequest('some prompts are invalid', details);
}

async function requireSet(db: Executor, tenantId: string, setId: string): Promise<PromptSetRecord> {
  const set = await repo.findPromptSet(db, tenantId, setId);
  if (!set) throw notFound('prompt set');
  return set;
}

export async function listSets(db: Db, actor: Actor): Promise<PromptSetRecord[]> {
  return repo.listPromptSets(db, actor.tenantId);
}

export async function getSet(db: Db, actor: Actor, setId: string): Promise<PromptSetRecord> {
  return requireSet(db, actor.tenantId, setId);
}

export async function getVersion(
  db: Executor,
  actor: Actor,
  setId: string,
  version: number,
  options: { forUpdate?: boolean } = {},
): Promise<VersionRecord> {
  const found = await repo.findVersion(db, actor.tenantId, setId, version, options);
  if (!found) throw notFound('prompt set version');
  return found;
}

/** Creates a set whose version 1 is a draft, or published at once (the default library). */
export async function createSet(
  db: Executor,
  actor: Actor,
  draft: PromptSetDraft,
  status: 'draft' | 'published' = 'draft',
): Promise<PromptSetRecord> {
  checkPrompts(draft.prompts);
  return inTransaction(db, async (tx) => {
    if ((await repo.countPromptSetsLocked(tx, actor.tenantId)) >= MAX_PROMPT_SETS)
      throw conflict(
        `a tenant keeps at most ${MAX_PROMPT_SETS} prompt sets: add prompts to an existing set instead`,
        'too_many_sets',
      );
    const setId = await repo.insertPromptSet(tx, actor.tenantId, {
      name: draft.name,
      description: draft.description,
    });
    await repo.insertVersion(
      tx,
      actor.tenantId,
      { setId, version: 1, status, name: draft.name, description: draft.description },
      draft.prompts,
    );
    return requireSet(tx, actor.tenantId, setId);
  });
}

/** A new draft: the given content, or a copy of the latest version. One draft per set at a time. */
export async function createDraft(
  db: Executor,
  actor: Actor,
  setId: string,
  content?: PromptSetDraft,
): Promise<VersionRecord> {
  return inTransaction(db, async (tx) => {
    const set = await requireSet(tx, actor.tenantId, setId);
    const existingDraft = set.versions.find((v) => v.status === 'draft');
    if (existingDraft) {
      throw conflict(
        `version ${existingDraft.version} of this set is already a draft: edit or publish it first`,
      );
    }
    if (set.versions.length >= MAX_VERSIONS_PER_SET)
      throw conflict(
        `a set keeps at most ${MAX_VERSIONS_PER_SET} versions: copy its prompts into a new set`,
        'too_many_versions',
      );
    const latest = set.versions.at(-1);
    const base = content ?? (latest && (await getVersion(tx, actor, setId, latest.version)));
    const draft: PromptSetDraft = base
      ? { name: base.name, description: base.description, prompts: base.prompts.map(promptContent) }
      : { name: set.name, description: set.description, prompts: [] };
    checkPrompts(draft.prompts);
    const version = (latest?.version ?? 0) + 1;
    await repo.insertVersion(
      tx,
      actor.tenantId,
      { setId, version, status: 'draft', name: draft.name, description: draft.description },
      draft.prompts,
    );
    return getVersion(tx, actor, setId, version);
  });
}

/** The version, locked for an edit or a status change until the transaction ends. */
const lockVersion = (tx: Executor, actor: Actor, setId: string, version: number) =>
  getVersion(tx, actor, setId, version, { forUpdate: true });

/** Moves a version to `status` and reads it back as the caller's answer. */
async function moveVersion(
  tx: Executor,
  actor: Actor,
  setId: string,
  version: number,
  status: 'published' | 'retired',
): Promise<VersionRecord> {
  await repo.setVersionStatus(tx, actor.tenantId, setId, version, status);
  return getVersion(tx, actor, setId, version);
}

export async function saveDraft(
  db: Executor,
  actor: Actor,
  setId: string,
  version: number,
  draft: Partial<Pick<PromptSetDraft, 'name' | 'description'>> & { prompts: PromptContent[] },
): Promise<VersionRecord> {
  checkPrompts(draft.prompts);
  return inTransaction(db, async (tx) => {
    const current = await lockVersion(tx, actor, setId, version);
    if (current.status !== 'draft') {
      throw conflict(
        `version ${version} is ${current.status} and cannot change: create a new draft`,
        'not_draft',
      );
    }
    await repo.replaceDraft(
      tx,
      actor.tenantId,
      setId,
      version,
      { name: draft.name ?? current.name, description: draft.description ?? current.description },
      draft.prompts,
    );
    return getVersion(tx, actor, setId, version);
  });
}

/** A change of one version's status, in one transaction, answered with the version as it now is. */
type VersionChange = (db: Executor, actor: Actor, setId: string, version: number) => Promise<VersionRecord>;

export const publishVersion: VersionChange = (db, actor, setId, version) =>
  inTransaction(db, async (tx) => {
    const target = await lockVersion(tx, actor, setId, version);
    if (target.status !== 'draft')
      throw conflict(`version ${version} is ${target.status}, not a draft`, 'not_draft');
    if (target.prompts.length === 0) throw badRequest('a version with no prompts cannot be published');
    const set = await requireSet(tx, actor.tenantId, setId);
    for (const previous of set.versions.filter((v) => v.status === 'published')) {
      await repo.setVersionStatus(tx, actor.tenantId, setId, previous.version, 'retired');
    }
    return moveVersion(tx, actor, setId, version, 'published');
  });

export const retireVersion: VersionChange = (db, actor, setId, version) =>
  inTransaction(db, async (tx) => {
    const target = await lockVersion(tx, actor, setId, version);
    if (target.status === 'retired')
      throw conflict(`version ${version} is already retired`, 'already_retired');
    return moveVersion(tx, actor, setId, version, 'retired');
  });

/**
 * Rolls a set back to an earlier version: its content is copied into a new version that is published
 * at once, so the history keeps every version as it was.
 */
export const republishVersion: VersionChange = (db, actor, setId, version) =>
  inTransaction(db, async (tx) => {
    const source = await getVersion(tx, actor, setId, version);
    if (source.status === 'draft')
      throw conflict(`version ${version} is a draft: publish it instead`, 'not_published_before');
    if (source.status === 'published')
      throw conflict(`version ${version} is already the published version`, 'already_published');
    const copy = await createDraft(tx, actor, setId, {
      name: source.name,
      description: source.description,
      prompts: source.prompts.map(promptContent),
    });
    return publishVersion(tx, actor, setId, copy.version);
  });

/**
 * What an opportunity would get if this version were published: the panel's selection over the
 * tenant's published prompts, with this set's published prompts replaced by the version's.
 */
export async function previewVersion(
  db: Executor,
  actor: Actor,
  setId: string,
  version: number,
  ctx: OpportunityContext,
  settings: TenantSettings,
): Promise<PromptRecord[]> {
  const [candidate, published] = await Promise.all([
    getVersion(db, actor, setId, version),
    repo.listPublishedPrompts(db, actor.tenantId),
  ]);
  const pool = [...published.filter((p) => p.setId !== setId), ...candidate.prompts];
  return selectPrompts(pool, ctx, settings, { today: todayUtc() }).map((p) => renderPrompt(p, ctx));
}

/** Imports a file as a new set, or as a new draft of `setId`; a 400 lists every problem in the file. */
export async function importPromptSet(db: Executor, actor: Actor, file: ImportedFile, setId?: string) {
  const draft = await readImportFileOffThread(actor.tenantId, file);
  return setId ? createDraft(db, actor, setId, draft) : createSet(db, actor, draft);
}
