// Reps log conversations: each note is validated against the tenant's prompts, scored, and stored
// with its score, evidence and the scorer's version in one statement.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db, Executor } from '../../platform/database/database';
import * as notesRepo from './repository';
import type { NoteFields, NotePromptRecord, NoteRecord, StoredScore } from './repository';
import type { OpportunityContext } from '../opportunities';
import { namesOf } from '../users';
import { findPromptsByIds } from '../prompt-sets';
import { enqueueRollups } from '../salesforce';
import { badRequest, forbidden, notFound, preconditionFailed } from '../../platform/lib/errors';
import { decodeCursor, encodeCursor } from '../../platform/lib/cursor';
import type { Actor } from '../../platform/actor';
import type { KeyClaim } from '../../platform/idempotency/idempotency';
import { assessNote, type NoteAssessment, type ScoringInput, type Weights } from '../scoring';
import type { ScoringSettings } from '../settings';
import type { NoteContent, NotePromptInput } from './note';
import { scoreOffThread, storedScoreOffThread } from './off-thread';

export interface NewNote extends NoteContent {
  opportunityId: string;
  opportunity?: OpportunityContext;
}

export interface NotePatch {
  occurredAt?: string;
  prompts?: NotePromptInput[];
  summary?: string;
  customerView?: string | null;
  ideas?: string | null;
  nextStep?: string | null;
  nextStepDate?: string | null;
}

export interface NoteView {
  id: string;
  opportunityId: string;
  authorId: string;
  /** the deal's stage when the note was logged, if known */
  opportunityStage: string | null;
  /** the author's name when the org's users are known (sync or demo), else null */
  authorName: string | null;
  occurredAt: string;
  prompts: Array<{
    promptId: string | null;
    promptKey: string | null;
    title: string | null;
    text: string | null;
    reaction: string | null;
  }>;
  summary: string;
  customerView: string | null;
  ideas: string | null;
  nextStep: string | null;
  nextStepDate: string | null;
  score: StoredScore | null;
  /** bumped by every edit; the note's ETag, for If-Match */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function toNoteView(note: NoteRecord, authorName: string | null = null): NoteView {
  return {
    ...note,
    authorName,
    prompts: note.prompts.map((p) => ({
      promptId: p.promptId,
      promptKey: p.promptKey,
      title: p.title,
      text: p.text,
      reaction: p.reaction,
    })),
  };
}

/** Views of stored notes with their authors' names, in one lookup. */
export async function toNoteViews(db: Executor, tenantId: string, notes: NoteRecord[]): Promise<NoteView[]> {
  const names = await namesOf(
    db,
    tenantId,
    notes.map((n) => n.authorId),
  );
  return notes.map((n) => toNoteView(n, names.get(n.authorId) ?? null));
}

const toOneView = async (db: Executor, tenantId: string, note: NoteRecord) =>
  (await toNoteViews(db, tenantId, [note]))[0]!;

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Resolves prompt references against the tenant's prompt sets. Only prompts reps can have been shown
 * may be cited: those of published versions, or of versions retired since. An unknown id or a draft's
 * prompt is a 400 naming it.
 */
async function resolvePrompts(
  db: Executor,
  tenantId: string,
  raised: NotePromptInput[],
): Promise<NotePromptRecord[]> {
  return resolveAgainst(await citedPrompts(db, tenantId, raised), raised);
}

/** The tenant's prompts that these references cite, by id. */
async function citedPrompts(db: Executor, tenantId: string, raised: NotePromptInput[]) {
  const ids = raised.flatMap((p) => (p.promptId ? [p.promptId] : []));
  return new Map((await findPromptsByIds(db, tenantId, ids)).map((p) => [p.id, p]));
}

function resolveAgainst(
  found: Map<string, Awaited<ReturnType<typeof findPromptsByIds>>[number]>,
  raised: NotePromptInput[],
): NotePromptRecord[] {
  const problems = raised.flatMap((p, i) => {
    if (!p.promptId) return [];
    const path = `prompts.${i}.promptId`;
    const prompt = found.get(p.promptId);
    if (!prompt) return [{ path, message: `no prompt with id ${p.promptId}` }];
    if (prompt.status === 'draft')
      return [{ path, message: `prompt ${p.promptId} belongs to a draft: publish its version first` }];
    return [];
  });
  if (problems.length > 0)
    throw badRequest('the note names prompts that do not exist or are not published', problems);
  return raised.map((p) => {
    const prompt = p.promptId ? found.get(p.promptId) : undefined;
    return {
      promptId: prompt?.id ?? null,
      promptKey: prompt?.key ?? null,
      setId: prompt?.setId ?? null,
      version: prompt?.version ?? null,
      title: prompt?.title ?? null,
      text: prompt ? null : (p.text ?? null),
      reaction: p.reaction ?? null,
    };
  });
}

export function scoringInputOf(
  fields: Omit<NoteFields, 'opportunityId' | 'authorId' | 'opportunityStage'>,
): ScoringInput {
  return {
    summary: fields.summary,
    customerView: fields.customerView ?? undefined,
    ideas: fields.ideas ?? undefined,
    nextStep: fields.nextStep ?? undefined,
    nextStepDate: fields.nextStepDate ?? undefined,
    occurredAt: fields.occurredAt,
    prompts: fields.prompts.map((p) => ({
      fromLibrary: p.promptId !== null,
      text: p.text ?? undefined,
      reaction: (p.reaction ?? undefined) as ScoringInput['prompts'][number]['reaction'],
    })),
  };
}

/** A note's score as it is stored with the note (the scorer's answer, as a plain record). */
export function scoreFields(
  fields: Omit<NoteFields, 'opportunityId' | 'authorId' | 'opportunityStage'>,
  weights: Weights,
): StoredScore {
  return { ...assessNote(scoringInputOf(fields), weights) };
}

function fieldsOf<Base extends { opportunityId: string; authorId: string }>(
  content: NoteContent,
  base: Base,
  prompts: NotePromptRecord[],
) {
  return {
    ...base,
    occurredAt: content.occurredAt ?? today(),
    prompts,
    summary: content.summary,
    customerView: content.customerView ?? null,
    ideas: content.ideas ?? null,
    nextStep: content.nextStep ?? null,
    nextStepDate: content.nextStepDate ?? null,
  };
}

/**
 * Scores and stores a note with the tenant's weights in one statement. With `claim`, the statement
 * also claims the client's Idempotency-Key and remembers the answer, and answers undefined when the
 * key was already taken. A note that brings its deal's context stores it first, so the note records
 * the deal's current stage; the context is what Salesforce holds now, so it stands even when the
 * note then fails or turns out to be a retry.
 */
export async function createNote(
  db: Executor,
  actor: Actor,
  input: NewNote,
  scoring: ScoringSettings,
): Promise<NoteView>;
export async function createNote(
  db: Executor,
  actor: Actor,
  input: NewNote,
  scoring: ScoringSettings,
  claim: KeyClaim | undefined,
): Promise<NoteView | undefined>;
export async function createNote(
  db: Executor,
  actor: Actor,
  input: NewNote,
  scoring: ScoringSettings,
  claim?: KeyClaim,
): Promise<NoteView | undefined> {
  const context = input.opportunity;
  if (context && context.id !== input.opportunityId) {
    throw badRequest('opportunity.id differs from opportunityId', [
      { path: 'opportunity.id', message: `expected ${input.opportunityId}` },
    ]);
  }
  const prompts = await resolvePrompts(db, actor.tenantId, input.prompts);
  const fields = fieldsOf(input, { opportunityId: input.opportunityId, authorId: actor.userId }, prompts);
  const score = await storedScoreOffThread(actor.tenantId, fields, scoring.weights);
  const id = randomUUID();
  const now = new Date();
  const stamp = now.toISOString();
  // the answer, less what the statement fills in (the stage and the author's name it reads, the score)
  const { score: _filledIn, ...answer } = toNoteView({
    id,
    ...fields,
    opportunityStage: null,
    score,
    version: 1,
    createdAt: stamp,
    updatedAt: stamp,
  });
  const stored = await notesRepo.insertNote(db, actor.tenantId, id, fields, score, {
    now,
    settingsVersion: scoring.version,
    context,
    remember: claim && {
      ...claim,
      status: 201,
      body: answer,
      filledIn: { stage: 'opportunityStage', authorName: 'authorName', score: 'score' } satisfies Record<
        string,
        keyof NoteView
      >,
    },
  });
  return stored && toNoteView(stored.note, stored.authorName);
}

/** A note of a history being loaded: its author, and the deal's stage when it was logged. */
export interface HistoricNote extends NewNote {
  authorId: string;
  opportunityStage: string | null;
}

/**
 * Stores a history of notes at once (the demo tenant's): each checked, resolved and scored as
 * createNote would, then stored in a few statements. The deals are the caller's to store; nothing
 * is queued for Salesforce.
 */
export async function importNotes(
  db: Executor,
  tenantId: string,
  notes: HistoricNote[],
  scoring: ScoringSettings,
): Promise<void> {
  const found = await citedPrompts(
    db,
    tenantId,
    notes.flatMap((n) => n.prompts),
  );
  const fields = notes.map((note) => ({
    ...fieldsOf(
      note,
      { opportunityId: note.opportunityId, authorId: note.authorId },
      resolveAgainst(found, note.prompts),
    ),
    opportunityStage: note.opportunityStage,
  }));
  const scores = await scoreOffThread(tenantId, fields, scoring.weights);
  const rows = fields.map((note, i) => ({
    id: randomUUID(),
    fields: note,
    score: { ...scores[i]! },
    settingsVersion: scoring.version,
  }));
  await notesRepo.insertNotes(db, tenantId, rows);
}

export async function getNote(db: Executor, actor: Actor, id: string): Promise<NoteView> {
  const note = await notesRepo.findNote(db, actor.tenantId, id);
  if (!note) throw notFound('note');
  return toOneView(db, actor.tenantId, note);
}

/** What a change to a note must find true before it applies. */
export interface ChangeCheck {
  onOpportunity?: string;
  ifMatch?: number[];
}

/**
 * The actor's own note, locked until the transaction ends. `check.onOpportunity`: the deal the caller
 * says the note is on (a note on another deal is not found there); `check.ifMatch`: the versions the
 * caller last read.
 */
async function lockOwnNote(tx: Executor, actor: Actor, id: string, check: ChangeCheck): Promise<NoteRecord> {
  const note = await notesRepo.findNote(tx, actor.tenantId, id, { forUpdate: true });
  if (!note || (check.onOpportunity !== undefined && note.opportunityId !== check.onOpportunity))
    throw notFound('note');
  if (note.authorId !== actor.userId) throw forbidden('only the author of a note can change or delete it');
  if (check.ifMatch && !check.ifMatch.includes(note.version)) {
    throw preconditionFailed(
      `the note changed since you read it (now version ${note.version}): read it again and reapply your change`,
    );
  }
  return note;
}

export async function updateNote(
  db: Db,
  actor: Actor,
  id: string,
  patch: NotePatch,
  scoring: ScoringSettings,
  check: ChangeCheck = {},
): Promise<NoteView> {
  return db.transaction().execute(async (tx) => {
    const current = await lockOwnNote(tx, actor, id, check);
    const prompts = patch.prompts ? await resolvePrompts(tx, actor.tenantId, patch.prompts) : current.prompts;
    const fields: NoteFields = {
      ...current,
      ...(patch.occurredAt !== undefined ? { occurredAt: patch.occurredAt } : {}),
      ...(patch.summary !== undefined ? { summary: patch.summary } : {}),
      ...(patch.customerView !== undefined ? { customerView: patch.customerView } : {}),
      ...(patch.ideas !== undefined ? { ideas: patch.ideas } : {}),
      ...(patch.nextStep !== undefined ? { nextStep: patch.nextStep } : {}),
      ...(patch.nextStepDate !== undefined ? { nextStepDate: patch.nextStepDate } : {}),
      prompts,
    };
    const score = await storedScoreOffThread(actor.tenantId, fields, scoring.weights);
    const note = await notesRepo.replaceNote(tx, actor.tenantId, id, fields, score, scoring.version);
    await enqueueRollups(tx, actor.tenantId, [note.opportunityId]);
    return toOneView(tx, actor.tenantId, note);
  });
}

export async function deleteNote(db: Db, actor: Actor, id: string, check: ChangeCheck = {}): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const note = await lockOwnNote(tx, actor, id, check);
    await notesRepo.deleteNote(tx, actor.tenantId, id);
    await enqueueRollups(tx, actor.tenantId, [note.opportunityId]);
  });
}

/** A page of an opportunity's notes ends at this (createdAt, id). */
const LIST_CURSOR = z.tuple([z.iso.datetime(), z.uuid()]);

export async function listOpportunityNotes(
  db: Executor,
  actor: Actor,
  opportunityId: string,
  page: { limit: number; cursor?: string },
): Promise<{ items: NoteView[]; nextCursor: string | null }> {
  const after = page.cursor ? decodeCursor(page.cursor, LIST_CURSOR) : undefined;
  const notes = await notesRepo.listNotesByOpportunity(
    db,
    actor.tenantId,
    opportunityId,
    page.limit + 1,
    after && { createdAt: after[0], id: after[1] },
  );
  const items = notes.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: await toNoteViews(db, actor.tenantId, items),
    nextCursor: notes.length > page.limit && last ? encodeCursor([last.createdAt, last.id]) : null,
  };
}

/** The live coach: scores a draft with the tenant's weights; nothing is stored. */
export async function scoreDraft(
  db: Executor,
  actor: Actor,
  draft: NoteContent,
  weights: Weights,
): Promise<NoteAssessment> {
  const prompts = await resolvePrompts(db, actor.tenantId, draft.prompts);
  const fields = fieldsOf(draft, { opportunityId: '', authorId: actor.userId }, prompts);
  const [assessment] = await scoreOffThread(actor.tenantId, [fields], weights);
  return assessment!;
}
