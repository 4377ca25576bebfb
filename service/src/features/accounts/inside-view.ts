// The account's inside view: what customers told us from the inside on any of the account's deals,
// as dated entries linked to their note and author, newest first. Entries are derived from the notes
// when read (a note's write stays as cheap as it was), over the account's newest notes up to a cap;
// the reps' judgements (outdated, corrected) are stored beside the notes and applied here.
import type { Db, Executor } from '../../platform/database/database';
import type { Actor } from '../../platform/actor';
import { forbidden, notFound } from '../../platform/lib/errors';
import { scopeOf, todayUtc } from '../analytics';
import { namesOf } from '../users';
import { deriveEntries, type DerivedEntry, type EntryKind } from './entries';
import { intersectionOf, type Intersection } from './intersection';
import * as repo from './repository';
import type { StoredMemoryNote } from './repository';

/** The newest notes of an account an inside view reads. */
export const INSIDE_VIEW_NOTE_CAP = 100;

export type EntryStatus = 'current' | 'stale' | 'outdated';

export interface Source {
  noteId?: string;
  promptId?: string;
}

export interface InsideViewEntry {
  id: string;
  kind: EntryKind;
  /** the rep's correction when there is one, else the note's words */
  text: string;
  /** the note's words when a rep corrected them, else null */
  originalText: string | null;
  status: EntryStatus;
  occurredAt: string;
  opportunityId: string;
  opportunityName: string | null;
  authorId: string;
  authorName: string | null;
  /** for a redirect: the provocations the customer turned away from */
  redirectedFrom: Array<{ promptId: string | null; title: string | null; text: string | null }>;
  changedBy: string | null;
  changedAt: string | null;
  source: Source;
}

export interface InsideView {
  accountId: string;
  /** the tenant's setting: an entry older than this is stale (still shown, marked so, left out of briefs) */
  staleAfterMonths: number;
  /** notes read (the newest ones, up to the cap) and whether older ones were left out */
  notesRead: number;
  truncated: boolean;
  items: InsideViewEntry[];
  intersection: Intersection;
}

/**
 * Derived entries per note version, least recently used first: reading a note's clauses is the costly
 * part of a read. Bounded by the characters of the entries it holds, whatever the notes' sizes.
 */
const DERIVED_CACHE_CHARS = 8_000_000;
const derivedCache = new Map<string, { entries: DerivedEntry[]; chars: number }>();
let cachedChars = 0;

function entriesOfNote(tenantId: string, note: StoredMemoryNote): DerivedEntry[] {
  const key = `${tenantId}:${note.id}:${note.version}`;
  let cached = derivedCache.get(key);
  if (cached) derivedCache.delete(key);
  else {
    const entries = deriveEntries(note);
    cached = { entries, chars: entries.reduce((sum, e) => sum + e.text.length + e.id.length, 0) };
    cachedChars += cached.chars;
  }
  derivedCache.set(key, cached);
  for (const [oldest, { chars }] of derivedCache) {
    if (cachedChars <= DERIVED_CACHE_CHARS) break;
    derivedCache.delete(oldest);
    cachedChars -= chars;
  }
  return cached.entries;
}

/** The first day that is not stale: `months` calendar months before `today`. */
export function staleBefore(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate();
  day.setUTCDate(Math.min(d, lastDay));
  return day.toISOString().slice(0, 10);
}

function toEntry(
  derived: DerivedEntry,
  note: StoredMemoryNote,
  override: repo.Override | undefined,
  names: Map<string, string>,
  cutoff: string,
): InsideViewEntry {
  // a judgement made on other words (the note was edited since) no longer applies
  const judged = override && override.original === derived.text ? override : undefined;
  const status: EntryStatus = judged?.outdated ? 'outdated' : note.occurredAt < cutoff ? 'stale' : 'current';
  return {
    id: derived.id,
    kind: derived.kind,
    text: judged?.correction ?? derived.text,
    originalText: judged?.correction ? derived.text : null,
    status,
    occurredAt: note.occurredAt,
    opportunityId: note.opportunityId,
    opportunityName: note.opportunityName,
    authorId: note.authorId,
    authorName: names.get(note.authorId) ?? null,
    redirectedFrom:
      derived.kind === 'redirect'
        ? note.prompts
            .filter((p) => p.reaction === 'redirected')
            .map((p) => ({ promptId: p.promptId, title: p.title, text: p.text }))
        : [],
    changedBy: judged?.changedBy ?? null,
    changedAt: judged?.changedAt ?? null,
    source: { noteId: note.id },
  };
}

/** The day entries are judged on, and the tenant's age (in months) past which they are stale. */
export interface Staleness {
  today: string;
  staleAfterMonths: number;
}

/** The entries of the given notes (newest first), with the reps' judgements and authors' names. */
export async function entriesOfNotes(
  db: Executor,
  tenantId: string,
  notes: StoredMemoryNote[],
  { today, staleAfterMonths }: Staleness,
): Promise<InsideViewEntry[]> {
  const [overrides, names] = await Promise.all([
    repo.overridesFor(
      db,
      tenantId,
      notes.map((n) => n.id),
    ),
    namesOf(
      db,
      tenantId,
      notes.map((n) => n.authorId),
    ),
  ]);
  const byEntry = new Map(overrides.map((o) => [o.entryId, o]));
  const cutoff = staleBefore(today, staleAfterMonths);
  return notes.flatMap((note) =>
    entriesOfNote(tenantId, note).map((entry) => toEntry(entry, note, byEntry.get(entry.id), names, cutoff)),
  );
}

/** Sales ops see every account; managers those with a deal of their team; reps those with a deal of theirs. */
async function checkAccountScope(db: Executor, actor: Actor, accountId: string): Promise<void> {
  const { userIds } = await scopeOf(db, actor);
  if (userIds !== null && !(await repo.accountInScope(db, actor.tenantId, accountId, userIds)))
    throw forbidden(`account ${accountId} has no opportunity of yours or your team's`);
}

export async function loadInsideView(
  db: Db,
  actor: Actor,
  accountId: string,
  staleAfterMonths: number,
  today = todayUtc(),
): Promise<InsideView> {
  await checkAccountScope(db, actor, accountId);
  const notes = await repo.listMemoryNotes(db, actor.tenantId, { accountId }, INSIDE_VIEW_NOTE_CAP + 1);
  const read = notes.slice(0, INSIDE_VIEW_NOTE_CAP);
  const items = await entriesOfNotes(db, actor.tenantId, read, { today, staleAfterMonths });
  return {
    accountId,
    staleAfterMonths,
    notesRead: read.length,
    truncated: notes.length > read.length,
    items,
    intersection: intersectionOf(read, items),
  };
}

export interface EntryChange {
  outdated?: boolean;
  /** a new text; null clears an earlier correction */
  correction?: string | null;
}

/**
 * A rep marks an entry outdated (or current again) or corrects its text. The note's author or sales
 * ops may; the entry must come from a note on one of the account's opportunities.
 */
export async function changeEntry(
  db: Db,
  actor: Actor,
  accountId: string,
  entryId: string,
  change: EntryChange,
  staleAfterMonths: number,
  today = todayUtc(),
): Promise<InsideViewEntry> {
  const noteId = entryId.slice(0, entryId.lastIndexOf('.'));
  return db.transaction().execute(async (tx) => {
    const note = await repo.findMemoryNote(tx, actor.tenantId, noteId);
    const derived =
      note?.accountId === accountId
        ? entriesOfNote(actor.tenantId, note).find((e) => e.id === entryId)
        : undefined;
    if (!note || !derived) throw notFound('inside-view entry');
    if (actor.role !== 'salesops' && note.authorId !== actor.userId)
      throw forbidden('only the author of the note or sales ops can change its inside-view entries');
    const [previous] = (await repo.overridesFor(tx, actor.tenantId, [noteId])).filter(
      (o) => o.entryId === entryId && o.original === derived.text,
    );
    await repo.saveOverride(tx, actor.tenantId, {
      entryId,
      noteId,
      original: derived.text,
      outdated: change.outdated ?? previous?.outdated ?? false,
      correction: change.correction !== undefined ? change.correction : (previous?.correction ?? null),
      changedBy: actor.userId,
      changedAt: new Date().toISOString(),
    });
    const [changed] = (await entriesOfNotes(tx, actor.tenantId, [note], { today, staleAfterMonths })).filter(
      (e) => e.id === entryId,
    );
    return changed!;
  });
}
