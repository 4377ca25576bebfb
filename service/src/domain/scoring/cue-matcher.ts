// Finds lexicon cues in a token range, one dictionary lookup per token; multi-word cues are checked
// word by word from their first lemma. Hyphens are transparent so "follow-up" matches "follow up".
import { CUE_LEXICON, type CueKind } from './lexicon';
import type { TokenTable } from './read-text';

export interface CueHit {
  kind: CueKind;
  /** token indexes, `to` exclusive */
  from: number;
  to: number;
  /** a token of the cue lies in a negation's scope */
  negated: boolean;
}

interface CueEntry {
  kind: CueKind;
  rest: string[];
}

const entriesByFirstWord = compileLexicon();

function compileLexicon(): Map<string, CueEntry[]> {
  const map = new Map<string, CueEntry[]>();
  for (const kind of Object.keys(CUE_LEXICON) as CueKind[]) {
    for (const cue of CUE_LEXICON[kind]) {
      const [first, ...rest] = cue.split(' ');
      const entries = map.get(first!) ?? [];
      entries.push({ kind, rest });
      map.set(first!, entries);
    }
  }
  return map;
}

/** true when the lexicon knows the word under any meaning (used to tell names from cue words) */
export function isCueWord(word: string): boolean {
  return entriesByFirstWord.has(word);
}

/** A token matches a cue word by its lemma or by its surface form ("them" vs "they"). */
function matches(table: TokenTable, index: number, word: string): boolean {
  return table.lemma[index] === word || table.lower[index] === word;
}

/** Matches the rest of a multi-word cue from `index`; returns the exclusive end or -1. */
function matchRest(table: TokenTable, index: number, to: number, rest: string[]): number {
  let at = index;
  for (const word of rest) {
    while (at < to && table.value[at] === '-') at++;
    if (at >= to || !matches(table, at, word)) return -1;
    at++;
  }
  return at;
}

function collect(table: TokenTable, entries: CueEntry[], index: number, to: number, hits: CueHit[]): void {
  for (const entry of entries) {
    const end = entry.rest.length === 0 ? index + 1 : matchRest(table, index + 1, to, entry.rest);
    if (end < 0) continue;
    let negated = false;
    for (let t = index; t < end; t++) negated ||= table.negated[t]!;
    hits.push({ kind: entry.kind, from: index, to: end, negated });
  }
}

export function findCues(table: TokenTable, from: number, to: number): CueHit[] {
  const hits: CueHit[] = [];
  for (let i = from; i < to; i++) {
    const lemma = table.lemma[i]!;
    const byLemma = entriesByFirstWord.get(lemma);
    if (byLemma) collect(table, byLemma, i, to, hits);
    const surface = table.lower[i]!;
    const bySurface = surface === lemma ? undefined : entriesByFirstWord.get(surface);
    if (bySurface) collect(table, bySurface, i, to, hits);
  }
  return hits;
}
