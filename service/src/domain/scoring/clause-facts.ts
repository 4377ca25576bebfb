// What one clause says, structurally: who acts in it, which cues it carries (and which of them are
// negated), how precisely it dates something, whether it names customer people, and whether it is
// filler or keyword stuffing rather than a sentence.
import type { TextField } from './types';
import { findCues, isCueWord, type CueHit } from './cue-matcher';
import { datePrecision, type DatePrecision } from './dates';
import { CUE_LEXICON, DISCOURSE_WORDS, MONTHS, WEEKDAYS, type CueKind } from './lexicon';
import type { ClauseRange } from './clauses';
import type { TokenTable } from './read-text';

/** who does what the clause says; `none` when the clause has no subject ("Raised the risk…") or a thing */
export type Actor = 'us' | 'customer' | 'both' | 'none';

export interface Clause extends ClauseRange {
  field: TextField;
  table: TokenTable;
  actor: Actor;
  hits: CueHit[];
  /** cue kinds present outside a negation's scope, with how many times each occurs */
  kinds: Map<CueKind, number>;
  /** cue kinds present only inside a negation's scope */
  negatedKinds: Set<CueKind>;
  words: number;
  numbers: number;
  /** token indexes of capitalised names of people ("Priya", "Dr. Feld") */
  people: number[];
  /** customer people named by name or role ("Dana", "the CFO"; not "planning" in "planning proposal") */
  customerMentions: number;
  /** customer-side actors (lemma of the role or name) holding a stance: "the CFO wants", "sales fears" */
  stanceHolders: string[];
  /** customer-side actors contributing an idea: "and Sofia came up with", "Priya proposed" */
  contributors: string[];
  date: DatePrecision;
  stuffed: boolean;
  filler: boolean;
  /** the clause repeats an earlier one of the note word for word */
  repeated: boolean;
}

const NAME_SHAPE = /^(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|Dr\.|Mr\.|Ms\.|Mrs\.)$/;
const SUBJECT_WINDOW = 8;

function isWord(table: TokenTable, index: number): boolean {
  const pos = table.pos[index];
  return pos !== 'PUNCT' && pos !== 'SPACE' && pos !== 'SYM';
}

function isPersonName(table: TokenTable, index: number): boolean {
  const lower = table.lower[index]!;
  return (
    table.pos[index] === 'PROPN' &&
    NAME_SHAPE.test(table.value[index]!) &&
    !isCueWord(table.lemma[index]!) &&
    !MONTHS.has(lower.replace(/\.$/, '')) &&
    !WEEKDAYS.has(lower)
  );
}

/** "IT wants a vendor": the upper-case department, not the pronoun */
function isItDepartment(table: TokenTable, index: number): boolean {
  return table.value[index] === 'IT';
}

const singleWords = (kind: CueKind) => new Set(CUE_LEXICON[kind].filter((cue) => !cue.includes(' ')));
const US_WORDS = singleWords('us');
const ROLE_WORDS = singleWords('role');
const CUSTOMER_PRONOUNS = singleWords('customerPronoun');

function hasWord(words: Set<string>, table: TokenTable, index: number): boolean {
  return words.has(table.lemma[index]!) || words.has(table.lower[index]!);
}

function sideOf(table: TokenTable, index: number, people: number[]): Actor {
  if (isItDepartment(table, index) || people.includes(index)) return 'customer';
  if (hasWord(US_WORDS, table, index)) return 'us';
  if (hasWord(ROLE_WORDS, table, index) || hasWord(CUSTOMER_PRONOUNS, table, index)) return 'customer';
  return 'none';
}

/** The subject is what precedes the clause's first verb; a clause opening with a verb has none. */
function findActor(table: TokenTable, range: ClauseRange, people: number[]): Actor {
  let i = range.from;
  while (i < range.to && (!isWord(table, i) || DISCOURSE_WORDS.has(table.lower[i]!))) i++;
  let sawUs = false;
  let sawCustomer = false;
  for (let n = 0; i < range.to && n < SUBJECT_WINDOW; i++, n++) {
    const pos = table.pos[i];
    if ((pos === 'VERB' || pos === 'AUX') && !isItDepartment(table, i)) break;
    const side = sideOf(table, i, people);
    sawUs ||= side === 'us';
    sawCustomer ||= side === 'customer';
  }
  if (sawUs && sawCustomer) return 'both';
  if (sawUs) return 'us';
  return sawCustomer ? 'customer' : 'none';
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
      if (sideOf(table, j, people) === 'customer' && !hasWord(CUSTOMER_PRONOUNS, table, j)) {
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

/** Stuffing: mostly buzzwords, or the same few words over and over, with no sentence structure. */
const distinctScratch = new Set<string>();

function isStuffed(table: TokenTable, range: ClauseRange, hits: CueHit[], words: number): boolean {
  if (words < 3) return false;
  let buzzTokens = 0;
  let buzzVerbs = 0;
  for (const hit of hits) {
    if (hit.kind !== 'buzz') continue;
    buzzTokens += hit.to - hit.from;
    for (let t = hit.from; t < hit.to; t++) if (table.pos[t] === 'VERB') buzzVerbs++;
  }
  distinctScratch.clear();
  let verbs = -buzzVerbs;
  for (let i = range.from; i < range.to; i++) {
    if (!isWord(table, i)) continue;
    distinctScratch.add(table.lemma[i]!);
    if (table.pos[i] === 'VERB') verbs++;
  }
  const buzzShare = buzzTokens / words;
  const diversity = distinctScratch.size / words;
  return buzzShare >= 0.6 || (buzzShare >= 0.4 && verbs === 0) || (words >= 5 && diversity <= 0.6);
}

/** Content that would make a short clause more than filler. */
const SUBSTANCE: CueKind[] = ['business', 'priority', 'stance', 'issue', 'contribute', 'role'];

function isFiller(kinds: Map<CueKind, number>, words: number, numbers: number, people: number[]): boolean {
  if (!kinds.has('filler') || words > 8 || numbers > 0 || people.length > 0) return false;
  return !SUBSTANCE.some((kind) => kinds.has(kind));
}

export function readClause(table: TokenTable, range: ClauseRange, field: TextField): Clause {
  const hits = findCues(table, range.from, range.to);
  const people: number[] = [];
  let words = 0;
  let numbers = 0;
  for (let i = range.from; i < range.to; i++) {
    if (!isWord(table, i)) continue;
    words++;
    if (table.pos[i] === 'NUM') numbers++;
    if (isPersonName(table, i)) people.push(i);
  }
  const kinds = new Map<CueKind, number>();
  const negatedKinds = new Set<CueKind>();
  for (const hit of hits) {
    if (hit.negated) negatedKinds.add(hit.kind);
    else kinds.set(hit.kind, (kinds.get(hit.kind) ?? 0) + 1);
  }
  for (const kind of kinds.keys()) negatedKinds.delete(kind);
  // an explicit literal, not a spread, keeps every clause the same hidden class for fast reads
  return {
    from: range.from,
    to: range.to,
    field,
    table,
    actor: findActor(table, range, people),
    hits,
    kinds,
    negatedKinds,
    words,
    numbers,
    people,
    customerMentions: people.length + countRoleHeads(table, hits),
    stanceHolders: findHolders(table, hits, people, range.from, 'stance'),
    contributors: findHolders(table, hits, people, range.from, 'contribute'),
    date: datePrecision(table, range.from, range.to),
    stuffed: isStuffed(table, range, hits, words),
    filler: isFiller(kinds, words, numbers, people),
    repeated: false,
  };
}

/** How many cues of the given kinds the clause carries outside negation. */
export function countCues(clause: Clause, ...kinds: CueKind[]): number {
  let count = 0;
  for (const kind of kinds) count += clause.kinds.get(kind) ?? 0;
  return count;
}

/** The clause's words, for spotting a clause repeated word for word. */
export function clauseSignature(clause: Clause): string {
  const words: string[] = [];
  for (let i = clause.from; i < clause.to; i++)
    if (isWord(clause.table, i)) words.push(clause.table.lemma[i]!);
  return words.join(' ');
}
