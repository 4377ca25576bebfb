// Where our outside view met their inside view: every provocation raised in the notes, grouped by
// what the customer's reaction says the inside view did to it, each beside what they told us then.
//   new_to_them        → confirmed:  it landed; their view took it in as an issue they had not seen
//   already_addressing → reshaped:   they knew it, and their view of it (what they already do) replaces ours
//   redirected         → redirected: they pointed us to what actually keeps them up
//   dismissed          → dismissed:  their view did not take it up
// A provocation logged without a reaction says nothing about the intersection and is left out.
import type { MemoryNote } from './entries';
import type { InsideViewEntry, Source } from './inside-view';

export const OUTCOME_OF_REACTION = {
  new_to_them: 'confirmed',
  already_addressing: 'reshaped',
  redirected: 'redirected',
  dismissed: 'dismissed',
} as const;
type Reaction = keyof typeof OUTCOME_OF_REACTION;
export type Outcome = (typeof OUTCOME_OF_REACTION)[Reaction];

export interface IntersectionItem {
  reaction: Reaction;
  promptId: string | null;
  promptKey: string | null;
  title: string | null;
  /** an ad-hoc provocation's words */
  text: string | null;
  noteId: string;
  opportunityId: string;
  occurredAt: string;
  /** the first inside-view entry of the same note */
  customerSaid: { entryId: string; text: string } | null;
  source: Source;
}

export type Intersection = Record<Outcome, IntersectionItem[]>;

const isReaction = (value: string | null): value is Reaction =>
  value !== null && Object.hasOwn(OUTCOME_OF_REACTION, value);

/** `notes` newest first; `entries` those of the same notes. */
export function intersectionOf(notes: MemoryNote[], entries: InsideViewEntry[]): Intersection {
  const firstEntry = new Map<string, InsideViewEntry>();
  for (const entry of entries)
    if (!firstEntry.has(entry.source.noteId!)) firstEntry.set(entry.source.noteId!, entry);
  const result: Intersection = { confirmed: [], reshaped: [], redirected: [], dismissed: [] };
  for (const note of notes) {
    const said = firstEntry.get(note.id);
    for (const prompt of note.prompts) {
      if (!isReaction(prompt.reaction)) continue;
      result[OUTCOME_OF_REACTION[prompt.reaction]].push({
        reaction: prompt.reaction,
        promptId: prompt.promptId,
        promptKey: prompt.promptKey,
        title: prompt.title,
        text: prompt.text,
        noteId: note.id,
        opportunityId: note.opportunityId,
        occurredAt: note.occurredAt,
        customerSaid: said ? { entryId: said.id, text: said.text } : null,
        source: prompt.promptId ? { noteId: note.id, promptId: prompt.promptId } : { noteId: note.id },
      });
    }
  }
  return result;
}
