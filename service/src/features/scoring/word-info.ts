// What the scorer knows about a word, looked up once per distinct word and kept: the word classes it
// belongs to as a bitmask (instead of several Set lookups per token) and the lexicon cues it starts.
// Keyed by the lower-case form (for lemmas and surface forms alike) and by the exact surface form.
import { CUE_LEXICON, DISCOURSE_WORDS, type CueKind } from './lexicon';
import { AMBIGUOUS_MONTHS, MONTHS, PRECISE_PERIODS, VAGUE_PERIODS, WEEKDAYS } from './lexicon';

/** Cue kinds in a fixed order, so that a set of kinds fits two small integers. */
export const CUE_KINDS = Object.keys(CUE_LEXICON) as CueKind[];
// A Map rather than an object: looked up with many different keys from many call sites, an object's
// property lookup goes megamorphic and is slower.
const KIND_INDEX = new Map<CueKind, number>(CUE_KINDS.map((kind, index) => [kind, index]));

export interface CueEntry {
  kind: CueKind;
  kindIndex: number;
  /** the cue's words after the first one */
  rest: string[];
}

// Word classes of a lower-case word.
export const W_US = 1 << 0;
export const W_ROLE = 1 << 1;
export const W_PRONOUN = 1 << 2;
/** the lexicon knows the word under any meaning (used to tell names from cue words) */
export const W_CUE_WORD = 1 << 3;
/** a month name, a trailing "." ignored ("Dec.") */
export const W_MONTH = 1 << 4;
export const W_AMBIGUOUS_MONTH = 1 << 5;
export const W_WEEKDAY = 1 << 6;
export const W_PRECISE_PERIOD = 1 << 7;
export const W_VAGUE_PERIOD = 1 << 8;
export const W_DISCOURSE = 1 << 9;
/** "but", "while", "whereas": may open a contrasting clause */
export const W_CONTRAST = 1 << 10;
/** "4", "4th" */
export const W_DAY_NUMBER = 1 << 11;
/** "2026-12-08", "12/8" */
export const W_NUMERIC_DATE = 1 << 12;
/** a word that can date something (month, weekday, period, numeric date): worth a closer look */
export const W_DATE_WORD = W_MONTH | W_WEEKDAY | W_PRECISE_PERIOD | W_VAGUE_PERIOD | W_NUMERIC_DATE;

/** Word lists of the modules that read tokens, each with the flag bit wordClass gave it. */
const wordClasses: Array<{ bit: number; words: ReadonlySet<string> }> = [];
/** the first bit after the built-in classes above */
let nextClassBit = Math.log2(W_NUMERIC_DATE) + 1;

/**
 * A module's own word list as a word class: a token's membership is then a bit of its cached word
 * info, not a string lookup per token. Declare classes when a module loads, before any note is read.
 */
export function wordClass(words: Iterable<string>): number {
  // flags stay positive small integers: the sign bit is never used
  if (nextClassBit > 30) throw new Error('word-info: no flag bit left for another word class');
  const bit = 1 << nextClassBit++;
  wordClasses.push({ bit, words: new Set(words) });
  // a word read before the class existed would lack its bit
  clearWordCaches();
  return bit;
}

export interface WordInfo {
  /** the lower-case word */
  word: string;
  flags: number;
  /** lexicon cues that start with this word, or null */
  cues: CueEntry[] | null;
  /** unique per distinct word for the life of the process */
  id: number;
  /** scratch mark for counting distinct words without a Set */
  stamp: number;
}

export interface SurfaceInfo {
  lower: WordInfo;
  /** capitalised like a person's name ("Priya", "Dr.") */
  nameShape: boolean;
  /**
   * wink's lemma of this surface form per part of speech, as far as seen: outside contractions wink
   * derives a lemma from nothing but the token's text and its part of speech, so it can be kept.
   * The part of speech seen first has fields of its own, the fast path for most words.
   */
  firstPos: string | null;
  firstLemma: WordInfo | null;
  lemmaByPos: Map<string, WordInfo> | null;
}

const NAME_SHAPE = /^(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|Dr\.|Mr\.|Ms\.|Mrs\.)$/;
const NUMERIC_DATE = /^(\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}([/.]\d{2,4})?)$/;
const DAY_NUMBER = /^\d{1,2}(st|nd|rd|th)?$/;
const CONTRAST_WORDS = new Set(['but', 'while', 'whereas']);

const entriesByFirstWord = compileLexicon();

function compileLexicon(): Map<string, CueEntry[]> {
  const map = new Map<string, CueEntry[]>();
  for (const kind of CUE_KINDS) {
    for (const cue of CUE_LEXICON[kind]) {
      const [first, ...rest] = cue.split(' ');
      const entries = map.get(first!) ?? [];
      entries.push({ kind, kindIndex: KIND_INDEX.get(kind)!, rest });
      map.set(first!, entries);
    }
  }
  return map;
}

const singleWords = (kind: CueKind) => new Set(CUE_LEXICON[kind].filter((cue) => !cue.includes(' ')));
const US_WORDS = singleWords('us');
const ROLE_WORDS = singleWords('role');
const CUSTOMER_PRONOUNS = singleWords('customerPronoun');

function classify(word: string): number {
  const stripped = word.endsWith('.') ? word.slice(0, -1) : word;
  const startsWithDigit = word.charCodeAt(0) >= 48 && word.charCodeAt(0) <= 57;
  let flags = 0;
  if (US_WORDS.has(word)) flags |= W_US;
  if (ROLE_WORDS.has(word)) flags |= W_ROLE;
  if (CUSTOMER_PRONOUNS.has(word)) flags |= W_PRONOUN;
  if (entriesByFirstWord.has(word)) flags |= W_CUE_WORD;
  if (MONTHS.has(stripped)) flags |= W_MONTH;
  if (AMBIGUOUS_MONTHS.has(stripped)) flags |= W_AMBIGUOUS_MONTH;
  if (WEEKDAYS.has(stripped)) flags |= W_WEEKDAY;
  if (PRECISE_PERIODS.has(word)) flags |= W_PRECISE_PERIOD;
  if (VAGUE_PERIODS.has(word)) flags |= W_VAGUE_PERIOD;
  if (DISCOURSE_WORDS.has(word)) flags |= W_DISCOURSE;
  if (CONTRAST_WORDS.has(word)) flags |= W_CONTRAST;
  if (startsWithDigit && DAY_NUMBER.test(word)) flags |= W_DAY_NUMBER;
  if (startsWithDigit && NUMERIC_DATE.test(word)) flags |= W_NUMERIC_DATE;
  for (const { bit, words } of wordClasses) if (words.has(word)) flags |= bit;
  return flags;
}

// Vocabulary grows with names and numbers; past this many distinct words the caches start over.
const MAX_WORDS = 200_000;
let nextId = 1;
const byLower = new Map<string, WordInfo>();
const bySurface = new Map<string, SurfaceInfo>();
/** wink's lemma as it comes (not always lower case) → the lower-case word */
const byLemma = new Map<string, WordInfo>();

/** Call between documents only: starts the caches over when they have grown too large. */
export function trimWordCaches(): void {
  if (byLower.size + bySurface.size + byLemma.size > MAX_WORDS) clearWordCaches();
}

function clearWordCaches(): void {
  byLower.clear();
  bySurface.clear();
  byLemma.clear();
}

export function lowerInfo(word: string): WordInfo {
  let info = byLower.get(word);
  if (info === undefined) {
    info = {
      word,
      flags: classify(word),
      cues: entriesByFirstWord.get(word) ?? null,
      id: nextId++,
      stamp: 0,
    };
    byLower.set(word, info);
  }
  return info;
}

export function surfaceInfo(value: string): SurfaceInfo {
  let info = bySurface.get(value);
  if (info === undefined) {
    info = {
      lower: lowerInfo(value.toLowerCase()),
      nameShape: NAME_SHAPE.test(value),
      firstPos: null,
      firstLemma: null,
      lemmaByPos: null,
    };
    bySurface.set(value, info);
  }
  return info;
}

export function lemmaInfo(lemma: string): WordInfo {
  let info = byLemma.get(lemma);
  if (info === undefined) {
    info = lowerInfo(lemma.toLowerCase());
    byLemma.set(lemma, info);
  }
  return info;
}

/** kinds below this index go to the low bitmask */
export const KIND_SPLIT = 30;

/** A set of cue kinds as two bitmasks (there are more kinds than bits in one integer). */
export class KindSet {
  constructor(
    private readonly low: number,
    private readonly high: number,
  ) {}

  has(kind: CueKind): boolean {
    return this.hasIndex(KIND_INDEX.get(kind)!);
  }

  /** by the kind's position in CUE_KINDS */
  hasIndex(index: number): boolean {
    return index < KIND_SPLIT
      ? (this.low & (1 << index)) !== 0
      : (this.high & (1 << (index - KIND_SPLIT))) !== 0;
  }
}

/** A fixed set of kinds, built once where it is declared and tested per cue hit. */
export function kindSet(...kinds: CueKind[]): KindSet {
  let low = 0;
  let high = 0;
  for (const kind of kinds) {
    const index = KIND_INDEX.get(kind)!;
    low |= kindBit(index, false);
    high |= kindBit(index, true);
  }
  return new KindSet(low, high);
}

/** The bit of a kind in the low (high = false) or the high bitmask of a KindSet; 0 when in the other. */
export function kindBit(index: number, high: boolean): number {
  if (high) return index < KIND_SPLIT ? 0 : 1 << (index - KIND_SPLIT);
  return index < KIND_SPLIT ? 1 << index : 0;
}

/** The cached lemma of a surface form in a part of speech, or undefined when not seen yet. */
export function cachedLemma(surface: SurfaceInfo, pos: string): WordInfo | undefined {
  if (surface.firstPos === pos) return surface.firstLemma!;
  return surface.lemmaByPos?.get(pos);
}

export function cacheLemma(surface: SurfaceInfo, pos: string, lemma: WordInfo): void {
  if (surface.firstPos === null) {
    surface.firstPos = pos;
    surface.firstLemma = lemma;
  } else (surface.lemmaByPos ??= new Map()).set(pos, lemma);
}

let stampCounter = 0;

/** A fresh mark for counting distinct words: a word is new to the count when its stamp differs. */
export function nextStamp(): number {
  stampCounter = (stampCounter + 1) | 0;
  return stampCounter;
}
