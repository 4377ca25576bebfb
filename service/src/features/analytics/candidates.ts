// Candidate prompts and what became of them: the notes a candidate came from (its text, or one
// that says the same in other words), and the promotion that made it a prompt, if any.
import type { Executor } from '../../platform/database/database';
import { phaseOfStage, type Phase, type TenantSettings } from '../settings';
import {
  candidateNotes,
  listPromotions,
  type CandidateKind,
  type PromotionRow,
} from './read-models/candidates';
import { jaccard, SIMILARITY_THRESHOLD, tokenSet } from './similarity';

// enough to trace a prompt back to what reps heard without carrying every mention
export const SOURCE_NOTES_KEPT = 50;

export interface CandidateSources {
  noteIds: string[];
  /** The industry and phase most of those notes' deals were in, when any was known. */
  industry: string | null;
  phase: Phase | null;
}

const alike = (a: Set<string>, b: Set<string>) => jaccard(a, b) >= SIMILARITY_THRESHOLD;

function mostFrequent<T>(values: Array<T | null | undefined>): T | null {
  const counts = new Map<T, number>();
  for (const value of values)
    if (value !== null && value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: T | null = null;
  for (const [value, count] of counts) if (best === null || count > counts.get(best)!) best = value;
  return best;
}

/** The newest notes whose text of this kind resembles the candidate's, and where they were heard. */
export async function candidateSources(
  db: Executor,
  tenantId: string,
  kind: CandidateKind,
  text: string,
  settings: TenantSettings,
): Promise<CandidateSources> {
  const wanted = tokenSet(text);
  const notes = (await candidateNotes(db, tenantId, kind)).filter((n) => alike(wanted, tokenSet(n.text)));
  return {
    noteIds: [...new Set(notes.map((n) => n.noteId))].slice(0, SOURCE_NOTES_KEPT),
    industry: mostFrequent(notes.map((n) => n.industry)),
    phase: mostFrequent(
      notes.map((n) => {
        const phase = phaseOfStage(settings, n.stage ?? undefined);
        // a prompt targets open deals: a note taken on a closed deal says nothing about the phase
        return phase === 'closed' ? undefined : phase;
      }),
    ),
  };
}

export type Promotion = Omit<PromotionRow, 'kind' | 'text'>;

/** A function telling, for a candidate, the newest promotion of a like text of its kind. */
export async function promotionFinder(
  db: Executor,
  tenantId: string,
): Promise<(kind: CandidateKind, text: string) => Promotion | null> {
  const promotions = (await listPromotions(db, tenantId)).map((p) => ({ ...p, tokens: tokenSet(p.text) }));
  return (kind, text) => {
    const tokens = tokenSet(text);
    const found = promotions.find((p) => p.kind === kind && alike(p.tokens, tokens));
    if (!found) return null;
    const { kind: _kind, text: _text, tokens: _tokens, ...promotion } = found;
    return promotion;
  };
}
