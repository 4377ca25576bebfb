// What one clause says, structurally: who acts in it, which cues it carries (and which of them are
// negated), whether it names customer people, and whether it is filler or keyword stuffing rather
// than a sentence. How precisely a next step is dated is read per step segment (step-segments.ts).
import type { TextField } from './types';
import { findCues, hitKinds, type CueHit } from './cue-matcher';
import type { CueKind } from './lexicon';
import type { ClauseRange } from './clauses';
import { isLowerCaseName, type TokenTable } from './read-text';
import * as wordInfo from './word-info';
import type { KindSet } from './word-info';

// Imported bindings are getter calls once compiled to CommonJS (tsx, jest); these are read per token.
const { W_CUE_WORD, W_DISCOURSE, W_MONTH, W_PRONOUN, W_ROLE, W_US, W_WEEKDAY } = wordInfo;
const { nextStamp } = wordInfo;

/** who does what the clause says; `none` when the clause has no subject ("Raised the risk…") or a thing */
export type Actor = 'us' | 'customer' | 'both' | 'none';

export interface Clause extends ClauseRange {
  field: TextField;
  table: TokenTable;
  /** the field's offset in `table.text`: evidence offsets are relative to the field */
  offset: number;
  actor: Actor;
  /** like actor, but a person named after a preposition is not the subject ("Call with the CFO") */
  subject: Actor;
  hits: CueHit[];
  /** cue kinds present outside a negation's scope (countCues says how many times) */
  kinds: KindSet;
  /** cue kinds present only inside a negation's scope */
  negatedKinds: KindSet;
  words: number;
  numbers: number;
  /** nouns, names and numbers outside every cue: what the clause is concretely about */
  concrete: number;
  /** token indexes of capitalised names of people ("Priya", "Dr. Feld") */
  people: number[];
  /** customer people named by name or role ("Dana", "the CFO"; not "planning" in "planning proposal") */
  customerMentions: number;
  /** customer-side actors (lemma of the role or name) holding a stance: "the CFO wants", "sales fears" */
  stanceHolders: string[];
  /** customer-side actors contributing an idea: "and Sofia came up with", "Priya proposed" */
  contributors: string[];
  stuffed: boolean;
  filler: boolean;
  /** the clause repeats an earlier one of the note word for word */
  repeated: boolean;
  /** hash of the clause's lemmas, for spotting a clause repeated word for word */
  signature: number;
}

const SUBJECT_WINDOW = 8;

function isWordPos(pos: string | undefined): boolean {
  return pos !== 'PUNCT' && pos !== 'SPACE' && pos !== 'SYM';
}

function isPersonName(table: TokenTable, index: number): boolean {
  return (
    table.pos[index] === 'PROPN' &&
    table.surface[index]!.nameShape &&
    (table.lemmaInfo[index]!.flags & W_CUE_WORD) === 0 &&
    (table.lowerInfo[index]!.flags & (W_MONTH | W_WEEKDAY)) === 0 &&
    !isCapitalisedOpener(table, index)
  );
}

/**
 * "Quarterly check-in, …", "Intro call with …": wink tags a capitalised word that opens a sentence
 * as a name; followed by a common noun, it is the adjective or noun of a heading, not a person.
 */
function isCapitalisedOpener(table: TokenTable, index: number): boolean {
  const opensSentence = index === 0 || !isWordPos(table.pos[index - 1]);
  // "Marta books the visit": a "noun" that takes a determiner after it is a verb, and Marta a person
  return opensSentence && table.pos[index + 1] === 'NOUN' && table.pos[index + 2] !== 'DET';
}

/** "IT wants a vendor": the upper-case department, not the pronoun */
function isItDepartment(table: TokenTable, index: number): boolean {
  return table.value[index] === 'IT';
}

/** word classes of a token by its lemma or its surface form */
function wordFlags(table: TokenTable, index: number): number {
  return table.lemmaInfo[index]!.flags | table.lowerInfo[index]!.flags;
}

function sideOf(table: TokenTable, index: number, people: number[]): Actor {
  if (isItDepartment(table, index) || people.includes(index)) return 'customer';
  const flags = wordFlags(table, index);
  if ((flags & W_US) !== 0) return 'us';
  if ((flags & (W_ROLE | W_PRONOUN)) !== 0) return 'customer';
  return 'none';
}

/** "with", or "w/" in shorthand ("Mtg w/ CFO"), which wink reads as "w" and "/" */
function isMeetingWith(table: TokenTable, index: number): boolean {
  const lower = table.lower[index];
  return lower === 'with' || (lower === 'w' && table.value[index + 1] === '/');
}

function isPreposition(table: TokenTable, index: number): boolean {
  return table.pos[index] === 'ADP' || isMeetingWith(table, index);
}

/**
 * The subject is what precedes the clause's first verb; a clause opening with a verb has none.
 * Read strictly (`objects`), a person after a preposition is an object: "Call with the CFO" is a
 * meeting header, whoever it names.
 */
function findActor(table: TokenTable, range: ClauseRange, people: number[], objects = false): Actor {
  let i = range.from;
  while (i < range.to && (!isWordPos(table.pos[i]) || (table.lowerInfo[i]!.flags & W_DISCOURSE) !== 0)) i++;
  let sawUs = false;
  let sawCustomer = false;
  for (let n = 0; i < range.to && n < SUBJECT_WINDOW; i++, n++) {
    const pos = table.pos[i];
    if ((pos === 'VERB' || pos === 'AUX') && !isItDepartment(table, i)) break;
    if (objects && !sawUs) {
      if (isMeetingWith(table, i)) return 'none';
      // "Head of ops", "the CFO of the group": a preposition after the subject keeps it
      if (isPreposition(table, i) && !sawCustomer) break;
    }
    const side = sideOf(table, i, people);
    sawUs ||= side === 'us';
    sawCustomer ||= side === 'customer';
  }
  if (sawUs && sawCustomer) return 'both';
  if (sawUs) return 'us';
  return sawCustomer ? 'customer' : 'none';
}

/** Nouns, names and numbers outside every cue (hits come in token order). */
function countConcrete(table: TokenTable, range: ClauseRange, hits: CueHit[]): number {
  let concrete = 0;
  let hit = 0;
  let coveredUntil = range.from;
  for (let i = range.from; i < range.to; i++) {
    while (hit < hits.length && hits[hit]!.from <= i) coveredUntil = Math.max(coveredUntil, hits[hit++]!.to);
    if (i < coveredUntil) continue;
    const pos = table.pos[i];
    if (pos === 'NUM' || ((pos === 'NOUN' || pos === 'PROPN') && (wordFlags(table, i) & W_PRONOUN) === 0))
      concrete++;
  }
  return concrete;
}

/** Customer-side actors of a cue: the role or name within three words before it (pronouns excluded). */
function findHolders(
  table: TokenTable,
  hits: CueHit[],
  people: number[],
  from: number,
  kind: CueKind,
): string[] {
  const holders: string[] = [];
  for (const hit of hits) {
    if (hit.kind !== kind || hit.negated) continue;
    for (let j = hit.from - 1; j >= Math.max(from, hit.from - 3); j--) {
      if (sideOf(table, j, people) === 'customer' && (wordFlags(table, j) & W_PRONOUN) === 0) {
        holders.push(table.lemma[j]!);
        break;
      }
    }
  }
  return holders;
}

/** A role word names a person only as the head of its phrase: "the pricing lead", not "pricing model". */
function countRoleHeads(table: TokenTable, hits: CueHit[]): number {
  let count = 0;
  for (const hit of hits) {
    if (hit.kind !== 'role' || hit.negated) continue;
    const next = table.pos[hit.to];
    if (next !== 'NOUN' && next !== 'PROPN') count++;
  }
  return count;
}

/** Content that would make a short clause more than filler. */
const SUBSTANCE: CueKind[] = ['business', 'priority', 'stance', 'issue', 'contribute', 'role'];

function isFiller(kinds: KindSet, words: number, numbers: number, people: number[]): boolean {
  if (!kinds.has('filler') || words > 8 || numbers > 0 || people.length > 0) return false;
  return !SUBSTANCE.some((kind) => kinds.has(kind));
}

/**
 * wink's negation scope runs to the next punctuation mark, across every statement of a run-on
 * sentence; a statement's cues are negated only by a negation word inside the statement itself.
 */
function keepOwnNegation(table: TokenTable, range: ClauseRange, hits: CueHit[]): void {
  let ownScope = false;
  let sawVerb = false;
  let hit = 0;
  for (let i = range.from; i < range.to && hit < hits.length; i++) {
    if (table.negated[i] && i > range.from && !table.negated[i - 1]) {
      ownScope = true;
      sawVerb = false;
    } else if (!table.negated[i]) ownScope = false;
    // "hadnt thought about it said his CUO is obsessed": the negation governs its own verb only
    // (and what it takes: "won't release their nurses to teach")
    const pos = table.pos[i];
    if (ownScope && (pos === 'VERB' || pos === 'AUX')) {
      if (sawVerb && table.lower[i - 1] !== 'to') ownScope = false;
      sawVerb = true;
    }
    while (hit < hits.length && hits[hit]!.from === i) {
      if (!ownScope) hits[hit]!.negated = false;
      hit++;
    }
  }
}

export function readClause(
  table: TokenTable,
  range: ClauseRange,
  field: TextField,
  fieldIndex: number,
  ownNegation = false,
): Clause {
  const hits = findCues(table, range.from, range.to);
  if (ownNegation) keepOwnNegation(table, range, hits);
  const people: number[] = [];
  let words = 0;
  let numbers = 0;
  let verbs = 0;
  let distinct = 0;
  let signature = 0;
  const stamp = nextStamp();
  for (let i = range.from; i < range.to; i++) {
    const pos = table.pos[i];
    if (!isWordPos(pos)) continue;
    words++;
    if (pos === 'NUM') numbers++;
    else if (pos === 'VERB') verbs++;
    else if ((pos === 'PROPN' && isPersonName(table, i)) || (pos === 'NOUN' && isLowerCaseName(table, i)))
      people.push(i);
    const lemma = table.lemmaInfo[i]!;
    if (lemma.stamp !== stamp) {
      lemma.stamp = stamp;
      distinct++;
    }
    signature = (Math.imul(signature, 31) + lemma.id) | 0;
  }
  let buzzTokens = 0;
  let buzzVerbs = 0;
  for (const hit of hits) {
    // "Will follow up", "next step: …" are how a next step is written, not stuffing; repeating them
    // is caught by word diversity and cue lists by empty-talk.ts
    if (hit.kind !== 'buzz' || isStepPhrase(table, hit)) continue;
    buzzTokens += hit.to - hit.from;
    for (let t = hit.from; t < hit.to; t++) if (table.pos[t] === 'VERB') buzzVerbs++;
  }
  const { kinds, negated: negatedKinds } = hitKinds(hits, range.from, range.to);
  const actor = findActor(table, range, people);
  // an explicit literal, not a spread, keeps every clause the same hidden class for fast reads
  return {
    from: range.from,
    to: range.to,
    field,
    table,
    offset: table.fieldOffset[fieldIndex]!,
    actor,
    subject: actor === 'none' || actor === 'us' ? actor : findActor(table, range, people, true),
    hits,
    kinds,
    negatedKinds,
    words,
    numbers,
    concrete: countConcrete(table, range, hits),
    people,
    customerMentions: people.length + countRoleHeads(table, hits),
    stanceHolders: findHolders(table, hits, people, range.from, 'stance'),
    contributors: findHolders(table, hits, people, range.from, 'contribute'),
    stuffed: isStuffed(buzzTokens, verbs - buzzVerbs, distinct, words),
    filler: isFiller(kinds, words, numbers, people),
    repeated: false,
    signature,
  };
}

const LONG_CLAUSE = 30;

function isStepPhrase(table: TokenTable, hit: CueHit): boolean {
  const first = table.lemma[hit.from];
  return hit.to - hit.from > 1 && (first === 'follow' || first === 'next');
}

/** Stuffing: mostly buzzwords, or the same few words over and over, with no sentence structure. */
function isStuffed(buzzTokens: number, verbs: number, distinct: number, words: number): boolean {
  if (words < 3) return false;
  const buzzShare = buzzTokens / words;
  const diversity = distinct / words;
  // a long run-on sentence (dictated notes) naturally repeats its function words: only a clause of a
  // few words repeating them, or a long one made of a handful of words, is stuffing
  const repetitive = words <= LONG_CLAUSE ? diversity <= 0.6 : diversity <= 0.3;
  return buzzShare >= 0.6 || (buzzShare >= 0.4 && verbs === 0) || (words >= 5 && repetitive);
}

/** How many cues of the given kinds (a kindSet declared once by the caller) the clause carries outside negation. */
export function countCues(clause: Clause, kinds: KindSet): number {
  let count = 0;
  for (const hit of clause.hits) if (!hit.negated && kinds.hasIndex(hit.kindIndex)) count++;
  return count;
}

/** true when two clauses consist of the same words (lemmas), ignoring punctuation */
export function sameWords(a: Clause, b: Clause): boolean {
  if (a.signature !== b.signature || a.words !== b.words) return false;
  let i = a.from;
  let j = b.from;
  for (;;) {
    while (i < a.to && !isWordPos(a.table.pos[i])) i++;
    while (j < b.to && !isWordPos(b.table.pos[j])) j++;
    if (i >= a.to || j >= b.to) return i >= a.to && j >= b.to;
    if (a.table.lemmaInfo[i] !== b.table.lemmaInfo[j]) return false;
    i++;
    j++;
  }
}
