// Finds lexicon cues in a token range: the cues a token can start come with its lemma's and its
// surface form's word info (word-info.ts), so there is no dictionary lookup here; multi-word cues are
// checked word by word from their first word. Hyphens are transparent so "follow-up" matches "follow up".
import type { CueKind } from './lexicon';
import type { TokenTable } from './read-text';
import { KindSet, kindBit, type CueEntry } from './word-info';

export interface CueHit {
  kind: CueKind;
  /** the kind's position in CUE_KINDS */
  kindIndex: number;
  /** token indexes, `to` exclusive */
  from: number;
  to: number;
  /** a token of the cue lies in a negation's scope */
  negated: boolean;
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
    hits.push({ kind: entry.kind, kindIndex: entry.kindIndex, from: index, to: end, negated });
  }
}

/** Kinds of the hits that start in tokens [from, to): outside a negation's scope, and only inside one. */
export function hitKinds(
  hits: readonly CueHit[],
  from: number,
  to: number,
): { kinds: KindSet; negated: KindSet } {
  let low = 0;
  let high = 0;
  let negatedLow = 0;
  let negatedHigh = 0;
  for (const hit of hits) {
    if (hit.from < from || hit.from >= to) continue;
    if (hit.negated) {
      negatedLow |= kindBit(hit.kindIndex, false);
      negatedHigh |= kindBit(hit.kindIndex, true);
    } else {
      low |= kindBit(hit.kindIndex, false);
      high |= kindBit(hit.kindIndex, true);
    }
  }
  return { kinds: new KindSet(low, high), negated: new KindSet(negatedLow & ~low, negatedHigh & ~high) };
}

export function findCues(table: TokenTable, from: number, to: number): CueHit[] {
  const hits: CueHit[] = [];
  for (let i = from; i < to; i++) {
    const lemma = table.lemmaInfo[i]!;
    if (lemma.cues !== null) collect(table, lemma.cues, i, to, hits);
    const surface = table.lowerInfo[i]!;
    if (surface !== lemma && surface.cues !== null) collect(table, surface.cues, i, to, hits);
  }
  return hits;
}
