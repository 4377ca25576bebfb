// Conversation notes and the prompts raised in them (a row each, for per-prompt analytics).
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../platform/database/database';
import { fixedStatement } from '../../platform/database/fixed-statement';
import { type OpportunityContext, upsertOpportunities } from '../opportunities';
import { rollupsQueued } from '../salesforce';
import { GroupCommit } from './group-commit';
import type { NotesTable, StoredNotePrompt } from '../../platform/database/schema';

export type NotePromptRecord = StoredNotePrompt;

export interface NoteFields {
  opportunityId: string;
  authorId: string;
  occurredAt: string;
  /** the opportunity's stage when the note was logged, if known */
  opportunityStage: string | null;
  prompts: NotePromptRecord[];
  summary: string;
  customerView: string | null;
  ideas: string | null;
  nextStep: string | null;
  nextStepDate: string | null;
}

export interface StoredScore {
  /** null when the note was not scored (it does not read as English) */
  overall: number | null;
  scorerVersion: string;
  [more: string]: unknown;
}

export interface NoteRecord extends NoteFields {
  id: string;
  score: StoredScore | null;
  /** bumped by every edit */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface OpportunityNoteSummary {
  noteCount: number;
  lastConversationAt: string | null;
  averageOverall: number | null;
  /** the latest note's scores, without its evidence and tips */
  latest: { overall: number; dimensions: unknown } | null;
  /** the most telling reaction of the latest conversation (REACTION_PRECEDENCE), over all its prompts */
  lastReaction: string | null;
  /** every reaction of the latest conversation with how many prompts met it, most telling first */
  lastReactions: Array<{ reaction: string; count: number }>;
}

/**
 * Which reaction speaks for a conversation that raised several prompts: the furthest any provocation
 * got. New to them is the provocation landing; redirected still opened an issue the customer cares
 * about; already addressing shows they are ahead of us; dismissed is the least.
 */
export const REACTION_PRECEDENCE: readonly string[] = [
  'new_to_them',
  'redirected',
  'already_addressing',
  'dismissed',
];

/**
 * A piece of evidence as stored. Its text is the slice of the note's field that it points at (the
 * scorer's contract), and those texts are about half of a score's size. So they are left out when a
 * score is stored and put back from the note's fields when it is read. Rows stored with their texts
 * read as they are.
 */
interface StoredEvidence {
  field: string;
  start: number;
  end: number;
  text?: string;
}

const evidenceOf = (score: StoredScore) =>
  Array.isArray(score.evidence) ? (score.evidence as StoredEvidence[]) : undefined;

/** The score as it is stored: its evidence without the texts. */
function storedForm(score: StoredScore): StoredScore {
  const evidence = evidenceOf(score);
  return evidence ? { ...score, evidence: evidence.map(({ text: _text, ...place }) => place) } : score;
}

/** The text of a note field that evidence names: a column, or `prompts.<index>.text`. */
function fieldText(note: NoteFields, field: string): string {
  const prompt = /^prompts\.(\d+)\.text$/.exec(field);
  const text = prompt
    ? note.prompts[Number(prompt[1])]?.text
    : note[field as 'summary' | 'customerView' | 'ideas' | 'nextStep'];
  return text ?? '';
}

/** The columns of a note's own fields (NoteFields). */
const FIELD_COLUMNS = [
  'opportunity_id',
  'author_id',
  'occurred_at',
  'opportunity_stage',
  'prompts',
  'summary',
  'customer_view',
  'ideas',
  'next_step',
  'next_step_date',
] as const;

function fieldsOf(row: Pick<Selectable<NotesTable>, (typeof FIELD_COLUMNS)[number]>): NoteFields {
  return {
    opportunityId: row.opportunity_id,
    authorId: row.author_id,
    occurredAt: row.occurred_at,
    opportunityStage: row.opportunity_stage,
    prompts: row.prompts,
    summary: row.summary,
    customerView: row.customer_view,
    ideas: row.ideas,
    nextStep: row.next_step,
    nextStepDate: row.next_step_date,
  };
}

function toNote(row: Selectable<NotesTable>): NoteRecord {
  const note: NoteRecord = {
    id: row.id,
    ...fieldsOf(row),
    score: row.score as StoredScore | null,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
  // the row was parsed for this call alone, so its evidence is completed in place
  for (const item of (note.score && evidenceOf(note.score)) ?? [])
    item.text ??= fieldText(note, item.field).slice(item.start, item.end);
  return note;
}

/** `settingsVersion`: the settings whose weights computed the score (null when unknown). The JSON
 * columns as values, for a statement that sends them inside a larger JSON document. */
function columnValues(fields: NoteFields, score: StoredScore | null, settingsVersion: number | null) {
  return {
    opportunity_id: fields.opportunityId,
    author_id: fields.authorId,
    occurred_at: fields.occurredAt,
    opportunity_stage: fields.opportunityStage,
    summary: fields.summary,
    customer_view: fields.customerView,
    ideas: fields.ideas,
    next_step: fields.nextStep,
    next_step_date: fields.nextStepDate,
    prompts: fields.prompts,
    score: score === null ? null : storedForm(score),
    overall: score?.overall ?? null,
    scorer_version: score?.scorerVersion ?? null,
    settings_version: settingsVersion,
  };
}

/** The columns as Kysely writes them: the JSON columns as text. */
function columns(fields: NoteFields, score: StoredScore | null, settingsVersion: number | null) {
  const values = columnValues(fields, score, settingsVersion);
  return {
    ...values,
    prompts: JSON.stringify(values.prompts),
    score: values.score === null ? null : JSON.stringify(values.score),
  };
}

const promptRows = (tenantId: string, noteId: string, prompts: NotePromptRecord[]) =>
  prompts.map((p, position) => ({
    tenant_id: tenantId,
    note_id: noteId,
    position,
    prompt_id: p.promptId,
    prompt_key: p.promptKey,
    set_id: p.setId,
    version: p.version,
    text: p.text,
    reaction: p.reaction,
  }));

async function writePromptRows(db: Executor, tenantId: string, noteId: string, prompts: NotePromptRecord[]) {
  await db
    .deleteFrom('note_prompts')
    .where('tenant_id', '=', tenantId)
    .where('note_id', '=', noteId)
    .execute();
  if (prompts.length === 0) return;
  await db
    .insertInto('note_prompts')
    .values(promptRows(tenantId, noteId, prompts))
    .execute();
}

/**
 * The answer to remember with a new note under the client's Idempotency-Key: `body` less what the
 * statement fills in under the property names `filledIn` gives: the deal's stage and the author's
 * name it reads, and the note's score (sent once, for the note and its answer).
 */
export interface RememberedAnswer {
  keyDigest: string;
  requestHash: string;
  status: number;
  body: object;
  filledIn: { stage: string; authorName: string; score: string };
}

/** A new note as insertNote takes it. */
interface NewNoteRow {
  id: string;
  fields: Omit<NoteFields, 'opportunityStage'> & { opportunityStage?: string | null };
  score: StoredScore | null;
  now: Date;
  remember?: RememberedAnswer;
  settingsVersion: number | null;
  /** the deal's context the note brought, stored before the note */
  context?: OpportunityContext;
}

type Stored = { note: NoteRecord; authorName: string | null } | undefined;

/** The statement of insertNotesNow: `input` is the notes as JSON, in the columns it reads. */
const insertNotesStatement = fixedStatement<
  { tenantId: string; input: string },
  { id: string; opportunity_stage: string | null; author_name: string | null }
>(
  ['tenantId', 'input'],
  ({ tenantId, input }, db) => sql`
    with input as (
      select i.*,
        case when i.stage_given then i.opportunity_stage
          else (select stage from opportunities o where o.tenant_id = ${tenantId} and o.id = i.opportunity_id) end as stage,
        (select name from users u where u.tenant_id = ${tenantId} and u.id = i.author_id) as author_name,
        -- the score as storedForm stores it: its evidence without the texts
        case when jsonb_typeof(i.score->'evidence') = 'array' then jsonb_set(i.score, '{evidence}', coalesce(
          (select jsonb_agg(e - 'text' order by n) from jsonb_array_elements(i.score->'evidence') with ordinality as x(e, n)),
          '[]')) else i.score end as stored_score
      from jsonb_to_recordset(${input}::jsonb) as i(id uuid, opportunity_id text, author_id text,
        occurred_at text, stage_given boolean, opportunity_stage text, summary text, customer_view text, ideas text,
        next_step text, next_step_date text, prompts jsonb, score jsonb, overall integer, scorer_version text,
        settings_version integer, created_at timestamptz, prompt_rows jsonb, key_digest text, request_hash text,
        status_code integer, body jsonb, stage_property text, author_property text, score_property text)),
    claim as (
      insert into idempotency_keys (tenant_id, key_digest, request_hash, status_code, body)
      select ${tenantId}::uuid, key_digest, request_hash, status_code,
        body || jsonb_build_object(stage_property, stage, author_property, author_name, score_property, score)
      from input where key_digest is not null
      on conflict (tenant_id, key_digest) do nothing returning key_digest),
    kept as (select * from input where key_digest is null or key_digest in (select key_digest from claim)),
    note as (
      insert into notes (tenant_id, id, opportunity_id, author_id, occurred_at, opportunity_stage, summary,
        customer_view, ideas, next_step, next_step_date, prompts, score, overall, scorer_version,
        settings_version, created_at, updated_at)
      select ${tenantId}::uuid, id, opportunity_id, author_id, occurred_at, stage, summary, customer_view, ideas,
        next_step, next_step_date, prompts, stored_score, overall, scorer_version, settings_version, created_at, created_at
      from kept
      returning opportunity_id),
    note_prompt_rows as (
      insert into note_prompts (tenant_id, note_id, position, prompt_id, prompt_key, set_id, version, text, reaction)
      select p.* from kept cross join lateral jsonb_to_recordset(kept.prompt_rows) as p(tenant_id uuid, note_id uuid,
        position integer, prompt_id uuid, prompt_key text, set_id uuid, version integer, text text, reaction text)),
    -- a deal's roll-up is queued only when a note on it was written (not for a replayed key)
    rollup as (${rollupsQueued(db, tenantId, sql<string[]>`array(select distinct opportunity_id from note order by 1)`)})
    select id, stage as opportunity_stage, author_name from kept`,
);

/**
 * Stores new notes of one tenant in one statement (a round trip, and the analytics triggers that
 * fire once per statement, are the dearest part of a note's write): each note, stamped with its
 * deal's stage as stored now unless its fields name one; its prompt rows; its deal's roll-up in the
 * Salesforce outbox; and, with `remember`, the claim of the client's key with the answer. One
 * statement is atomic on its own, and the triggers of every table it writes see all of it when they
 * fire at its end. Answers, in order, what the database decided for each note (the rest is what was
 * sent), or undefined for a note whose key was already taken and was not written: a concurrent
 * claim of the same key waits on it until the first statement commits. The notes' keys must differ.
 */
async function insertNotesNow(db: Executor, tenantId: string, notes: NewNoteRow[]): Promise<Stored[]> {
  const input = notes.map(({ id, fields, score, now, remember, settingsVersion }) => {
    const { opportunityStage, ...rest } = fields;
    return {
      ...columnValues({ ...rest, opportunityStage: null }, score, settingsVersion),
      // whole: the statement stores it without the evidence texts and answers with it
      score,
      id,
      stage_given: opportunityStage !== undefined,
      opportunity_stage: opportunityStage ?? null,
      created_at: now.toISOString(),
      prompt_rows: promptRows(tenantId, id, fields.prompts),
      key_digest: remember?.keyDigest ?? null,
      request_hash: remember?.requestHash ?? null,
      status_code: remember?.status ?? null,
      body: remember?.body ?? null,
      stage_property: remember?.filledIn.stage ?? null,
      author_property: remember?.filledIn.authorName ?? null,
      score_property: remember?.filledIn.score ?? null,
    };
  });
  const rows = await insertNotesStatement(db, { tenantId, input: JSON.stringify(input) });
  const decided = new Map(rows.map((row) => [row.id, row]));
  return notes.map(({ id, fields, score, now }) => {
    const row = decided.get(id);
    if (!row) return undefined;
    const { opportunityStage: _given, ...rest } = fields;
    const stamp = now.toISOString();
    return {
      note: {
        id,
        ...rest,
        opportunityStage: row.opportunity_stage,
        score,
        version: 1,
        createdAt: stamp,
        updatedAt: stamp,
      },
      authorName: row.author_name,
    };
  });
}

/**
 * Stores the deals' contexts the notes brought, then the notes (see insertNotesNow). The contexts are
 * what Salesforce holds now: they stand even when a note then fails or turns out to be a retry, and
 * each note records its deal's stage as stored with them.
 */
async function writeNotes(db: Executor, tenantId: string, notes: NewNoteRow[]): Promise<Stored[]> {
  await upsertOpportunities(
    db,
    tenantId,
    notes.flatMap((n) => (n.context ? [n.context] : [])),
  );
  return insertNotesNow(db, tenantId, notes);
}

// per database handle and tenant: notes waiting to be written together
const writers = new WeakMap<object, Map<string, GroupCommit<NewNoteRow, Stored>>>();

function writerFor(db: Executor, tenantId: string): GroupCommit<NewNoteRow, Stored> {
  let byTenant = writers.get(db);
  if (!byTenant) writers.set(db, (byTenant = new Map()));
  let writer = byTenant.get(tenantId);
  if (!writer) {
    writer = new GroupCommit(
      (notes) => writeNotes(db, tenantId, notes),
      (note) => note.remember?.keyDigest,
    );
    byTenant.set(tenantId, writer);
  }
  return writer;
}

/**
 * Stores a new note, and first the deal's context it brought, as writeNotes does. Outside a transaction, notes of the same tenant that
 * arrive while an earlier write is under way are written together in the next statement (group
 * commit); each caller is answered once its own note has committed. Answers undefined when the key
 * was already taken and nothing was written.
 */
export async function insertNote(
  db: Executor,
  tenantId: string,
  id: string,
  fields: NewNoteRow['fields'],
  score: StoredScore | null,
  // the time comes from the app, at millisecond precision, so paging cursors compare exactly
  {
    now = new Date(),
    remember,
    settingsVersion = null,
    context,
  }: {
    now?: Date;
    remember?: RememberedAnswer;
    settingsVersion?: number | null;
    context?: OpportunityContext;
  } = {},
): Promise<Stored> {
  const note = { id, fields, score, now, remember, settingsVersion, context };
  if (db.isTransaction) return (await writeNotes(db, tenantId, [note]))[0];
  return writerFor(db, tenantId).submit(note);
}

/** Notes per statement when many are stored at once: well under the protocol's parameter limit. */
const NOTES_PER_INSERT = 500;

/**
 * Stores many notes, each as insertNote would store it but with its stage given, in a few statements
 * (the analytics triggers run once per statement): for loading a history. No idempotency key is
 * claimed and no roll-up is queued.
 */
export async function insertNotes(
  db: Executor,
  tenantId: string,
  notes: Array<{ id: string; fields: NoteFields; score: StoredScore | null; settingsVersion: number | null }>,
  now = new Date(),
): Promise<void> {
  for (let i = 0; i < notes.length; i += NOTES_PER_INSERT) {
    const batch = notes.slice(i, i + NOTES_PER_INSERT);
    await db
      .insertInto('notes')
      .values(
        batch.map((n) => ({
          tenant_id: tenantId,
          id: n.id,
          ...columns(n.fields, n.score, n.settingsVersion),
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    const prompts = batch.flatMap((n) => promptRows(tenantId, n.id, n.fields.prompts));
    if (prompts.length > 0) await db.insertInto('note_prompts').values(prompts).execute();
  }
}

export async function findNote(
  db: Executor,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<NoteRecord | undefined> {
  let query = db.selectFrom('notes').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toNote(row);
}

export async function replaceNote(
  db: Executor,
  tenantId: string,
  id: string,
  fields: NoteFields,
  score: StoredScore | null,
  settingsVersion: number | null = null,
): Promise<NoteRecord> {
  const row = await db
    .updateTable('notes')
    .set((eb) => ({
      ...columns(fields, score, settingsVersion),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await writePromptRows(db, tenantId, id, fields.prompts);
  return toNote(row);
}

export async function deleteNote(db: Executor, tenantId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('notes')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Newest first; `after` is the (createdAt, id) of the last note of the previous page. */
export async function listNotesByOpportunity(
  db: Executor,
  tenantId: string,
  opportunityId: string,
  limit: number,
  after?: { createdAt: string; id: string },
): Promise<NoteRecord[]> {
  let query = db
    .selectFrom('notes')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('opportunity_id', '=', opportunityId);
  if (after) {
    query = query.where((eb) =>
      eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(new Date(after.createdAt) as never, after.id)),
    );
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toNote);
}

export async function summariseOpportunityNotes(
  db: Executor,
  tenantId: string,
  opportunityId: string,
): Promise<OpportunityNoteSummary> {
  const totals = await db
    .selectFrom('notes')
    .select([
      (eb) => eb.fn.countAll<number>().as('note_count'),
      (eb) => eb.fn.max('occurred_at').as('last_at'),
      sql<number | null>`round(avg(overall))::int`.as('average_overall'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('opportunity_id', '=', opportunityId)
    .executeTakeFirstOrThrow();
  const latest = await db
    .selectFrom('notes')
    .select(['overall', sql<unknown>`score->'dimensions'`.as('dimensions'), 'prompts'])
    .where('tenant_id', '=', tenantId)
    .where('opportunity_id', '=', opportunityId)
    .orderBy('occurred_at', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const counts = new Map<string, number>();
  for (const p of latest?.prompts ?? [])
    if (p.reaction) counts.set(p.reaction, (counts.get(p.reaction) ?? 0) + 1);
  const lastReactions = REACTION_PRECEDENCE.filter((r) => counts.has(r)).map((reaction) => ({
    reaction,
    count: counts.get(reaction)!,
  }));
  return {
    noteCount: Number(totals.note_count),
    lastConversationAt: totals.last_at ?? null,
    averageOverall: totals.average_overall === null ? null : Number(totals.average_overall),
    latest:
      latest && latest.overall !== null ? { overall: latest.overall, dimensions: latest.dimensions } : null,
    lastReaction: lastReactions[0]?.reaction ?? null,
    lastReactions,
  };
}

function pageById(db: Executor, tenantId: string, limit: number, afterId?: string) {
  let query = db.selectFrom('notes').where('tenant_id', '=', tenantId);
  if (afterId) query = query.where('id', '>', afterId);
  return query.orderBy('id').limit(limit);
}

/** A page of a tenant's notes in id order. */
export async function pageNotesById(
  db: Executor,
  tenantId: string,
  limit: number,
  afterId?: string,
): Promise<NoteRecord[]> {
  const rows = await pageById(db, tenantId, limit, afterId).selectAll().execute();
  return rows.map(toNote);
}

export type NoteToRescore = NoteFields & { id: string; version: number };

/** A page of notes to rescore: how many, the last id (to read the next page from) and the notes. */
export interface RescorePage {
  count: number;
  lastId: string | undefined;
  /** the notes' rows in id order as JSON: parsed, and read with noteToRescore, only by the thread
   * that scores them */
  notes: string;
}

/** A row of a page to rescore, with the columns pageNotesToRescore reads. */
export type RescoreRow = Pick<Selectable<NotesTable>, 'id' | 'version' | (typeof FIELD_COLUMNS)[number]>;

/** The note a row of RescorePage.notes holds. */
export function noteToRescore(row: RescoreRow): NoteToRescore {
  return { id: row.id, version: row.version, ...fieldsOf(row) };
}

/**
 * A page of a tenant's notes in id order, with only each note's fields and version: the old score
 * (a few KB a note) would be read only to be replaced. With `otherThanSettings`, only the notes last
 * scored with another settings version (or none recorded). The database writes the page as one JSON
 * text, so the request thread hands a pool thread one string instead of parsing hundreds of rows and
 * copying them across.
 */
export async function pageNotesToRescore(
  db: Executor,
  tenantId: string,
  limit: number,
  afterId?: string,
  otherThanSettings?: number,
): Promise<RescorePage> {
  const page = pageById(db, tenantId, limit, afterId)
    .$if(otherThanSettings !== undefined, (qb) =>
      qb.where('settings_version', 'is distinct from', otherThanSettings!),
    )
    .select(['id', 'version', ...FIELD_COLUMNS]);
  const row = await db
    .selectFrom(page.as('p'))
    .select([
      sql<number>`count(*)::integer`.as('count'),
      sql<string | null>`(array_agg(p.id order by p.id desc))[1]`.as('last_id'),
      sql<string>`coalesce(json_agg(p order by p.id), '[]')::text`.as('notes'),
    ])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), lastId: row.last_id ?? undefined, notes: row.notes };
}

export async function countNotes(db: Executor, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('notes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** New scores as updateScores writes them: JSON, each score in its stored form. */
export function scoresPayload(scores: Array<{ id: string; version: number; score: StoredScore }>): string {
  return JSON.stringify(scores.map((s) => ({ id: s.id, version: s.version, score: storedForm(s.score) })));
}

/**
 * Writes new scores for many notes in one statement, each only over the version of the note it was
 * computed from: a note edited since keeps the score its edit wrote. `payload` is scoresPayload's
 * JSON (written by the thread that scored them). Answers the notes written.
 */
export async function updateScores(
  db: Executor,
  tenantId: string,
  payload: string,
  settingsVersion: number,
): Promise<Array<{ id: string; opportunityId: string }>> {
  const { rows } = await sql<{ id: string; opportunity_id: string }>`
    update notes set
      score = u.score,
      overall = (u.score->>'overall')::int,
      scorer_version = u.score->>'scorerVersion',
      settings_version = ${settingsVersion}::integer
    from jsonb_to_recordset(${payload}::jsonb) as u(id uuid, version integer, score jsonb)
    where notes.tenant_id = ${tenantId} and notes.id = u.id and notes.version = u.version
    returning notes.id, notes.opportunity_id`.execute(db);
  return rows.map((row) => ({ id: row.id, opportunityId: row.opportunity_id }));
}

/** Keys of the library prompts already raised on an opportunity. */
export async function raisedPromptKeys(
  db: Executor,
  tenantId: string,
  opportunityId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('note_prompts as np')
    .innerJoin('notes as n', (join) =>
      join.onRef('n.tenant_id', '=', 'np.tenant_id').onRef('n.id', '=', 'np.note_id'),
    )
    .select('np.prompt_key')
    .distinct()
    .where('np.tenant_id', '=', tenantId)
    .where('n.opportunity_id', '=', opportunityId)
    .where('np.prompt_key', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.prompt_key!));
}
