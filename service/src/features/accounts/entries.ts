// What one note tells us about the account from the inside, as entries. The scorer's reading of the
// note finds the customer's statements (its clauses, their subjects and cues); each statement that
// names a priority, a constraint, an initiative, who wants what, a disagreement or what they already
// do becomes an entry of that kind. When one of our provocations was redirected, what the customer
// pointed us to instead (the first sentence of their view) is an entry of its own, "what actually
// keeps them up". Pure and deterministic: the same note always gives the same entries and ids.
import {
  isCountable,
  isDealTalk,
  isHollow,
  isLabel,
  isOurOpinion,
  isPrescription,
  readNote,
  readsAsEnglish,
  type Clause,
  type ScoringInput,
} from '../scoring';

export const ENTRY_KINDS = [
  'redirect',
  'priority',
  'constraint',
  'initiative',
  'who_wants_what',
  'disagreement',
  'practice',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** A long note can hold many statements; the account's memory keeps the first ones of each note. */
export const MAX_ENTRIES_PER_NOTE = 12;

export interface MemoryNotePrompt {
  promptId: string | null;
  promptKey: string | null;
  title: string | null;
  text: string | null;
  reaction: string | null;
}

/** The parts of a note the account's memory reads. */
export interface MemoryNote {
  id: string;
  opportunityId: string;
  authorId: string;
  occurredAt: string;
  summary: string;
  customerView: string | null;
  prompts: MemoryNotePrompt[];
}

export interface DerivedEntry {
  /** `<note id>.<position>`: stable while the note is not edited */
  id: string;
  noteId: string;
  kind: EntryKind;
  text: string;
  field: 'summary' | 'customerView';
  /** UTF-16 offsets into the field: text === note[field].slice(start, end) */
  start: number;
  end: number;
}

// Words of the scorer's "priority" cues that name a limit, or a piece of work under way.
const CONSTRAINT_WORDS = new Set(['budget', 'constraint', 'deadline', 'freeze', 'headcount', 'short']);
const INITIATIVE_WORDS = new Set([
  'initiative',
  'program',
  'programme',
  'project',
  'pilot',
  'launch',
  'portal',
  'working',
  'task',
  'expand',
  'consolidate',
  'renegotiate',
]);

/** The first sentence of a text, as the analytics' redirected issues cut it (up to . ! or ?). */
export function firstSentence(text: string): { start: number; end: number } | null {
  const match = /^[^.!?]+/.exec(text);
  if (!match) return null;
  const raw = match[0];
  const start = raw.length - raw.trimStart().length;
  const end = raw.trimEnd().length;
  return end > start ? { start, end } : null;
}

function priorityKind(clause: Clause): EntryKind {
  let kind: EntryKind = 'priority';
  for (const hit of clause.hits) {
    if (hit.kind !== 'priority' || hit.negated) continue;
    for (let i = hit.from; i < hit.to; i++) {
      const word = clause.table.lemma[i] ?? clause.table.lower[i]!;
      if (CONSTRAINT_WORDS.has(word)) return 'constraint';
      if (INITIATIVE_WORDS.has(word)) kind = 'initiative';
    }
  }
  return kind;
}

/** The kind of inside view a statement gives, or null when it gives none we keep. */
function kindOf(clause: Clause): EntryKind | null {
  if (clause.kinds.has('disagree')) return 'disagreement';
  if (clause.kinds.has('stance') && clause.stanceHolders.length > 0) return 'who_wants_what';
  if (clause.kinds.has('practice')) return 'practice';
  if (clause.kinds.has('priority')) return priorityKind(clause);
  const aboutTheirBusiness = clause.kinds.has('issue') || clause.kinds.has('business');
  if (aboutTheirBusiness && clause.numbers + clause.concrete >= 2) return 'priority';
  return null;
}

/** Their words, not ours: the same exclusions the scorer applies before crediting a customer view. */
function isTheirStatement(clause: Clause): boolean {
  if (clause.field !== 'customerView' && clause.field !== 'summary') return false;
  if (!isCountable(clause) || isHollow(clause) || isLabel(clause)) return false;
  if (isOurOpinion(clause) || isPrescription(clause) || isDealTalk(clause)) return false;
  if (clause.negatedKinds.has('engage') || clause.negatedKinds.has('tell')) return false;
  // the customer-view field speaks for them unless we are the subject; the summary only when they are
  if (clause.field === 'customerView') return clause.subject !== 'us';
  return clause.subject === 'customer' || clause.subject === 'both';
}

function scoringInput(note: MemoryNote): ScoringInput {
  return {
    summary: note.summary,
    customerView: note.customerView ?? undefined,
    occurredAt: note.occurredAt,
    prompts: note.prompts.map((p) => ({ fromLibrary: p.promptId !== null, text: p.text ?? undefined })),
  };
}

export function deriveEntries(note: MemoryNote): DerivedEntry[] {
  const found: Array<Omit<DerivedEntry, 'id' | 'noteId'>> = [];
  const view = note.customerView ?? '';
  const redirected = note.prompts.some((p) => p.reaction === 'redirected');
  const pointedTo = redirected ? firstSentence(view) : null;
  if (pointedTo) {
    const text = view.slice(pointedTo.start, pointedTo.end);
    found.push({ kind: 'redirect', field: 'customerView', text, ...pointedTo });
  }
  const input = scoringInput(note);
  if (readsAsEnglish(input)) {
    for (const clause of readNote(input).clauses) {
      if (found.length >= MAX_ENTRIES_PER_NOTE) break;
      if (!isTheirStatement(clause)) continue;
      const kind = kindOf(clause);
      if (kind === null) continue;
      const start = clause.table.start[clause.from]! - clause.offset;
      const end = clause.table.end[clause.to - 1]! - clause.offset;
      // the redirect entry already holds this part of their view
      if (pointedTo && clause.field === 'customerView' && start < pointedTo.end) continue;
      const field = clause.field as DerivedEntry['field'];
      const text = (field === 'summary' ? note.summary : view).slice(start, end);
      found.push({ kind, field, text, start, end });
    }
  }
  return found.map((entry, i) => ({ id: `${note.id}.${i + 1}`, noteId: note.id, ...entry }));
}
