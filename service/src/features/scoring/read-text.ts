// Reads a note's free-text fields with wink-nlp, once, into flat per-token arrays the scorer can scan
// cheaply. The fields are read as one document, separated by a blank line: wink starts a new line
// token there, which also ends every clause (clauses.ts), so no sentence, clause, negation scope or
// part-of-speech context runs from one field into the next; each token keeps its field's offsets.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { boundedFields } from './bounded-text';
import * as wordInfo from './word-info';
import type { SurfaceInfo, WordInfo } from './word-info';

// Imported bindings are getter calls once compiled to CommonJS (tsx, jest); these are called per token.
const { cachedLemma, cacheLemma, lemmaInfo, surfaceInfo, trimWordCaches, W_CUE_WORD } = wordInfo;

// Only the pipeline steps the scorer reads: sentence boundaries, negation scope and parts of speech.
// Sentiment and entity recognition would double the cost of every note without informing a score.
export const NLP_PIPELINE = ['sbd', 'negation', 'pos'] as const;
/** Between two fields: a line-break token of its own that no sentence or clause crosses. */
export const FIELD_SEPARATOR = '\n\n';
const nlp = winkNLP(model, [...NLP_PIPELINE]);
const its = nlp.its;

export interface TokenTable {
  /** the fields joined by FIELD_SEPARATOR */
  text: string;
  value: string[];
  /** lower-cased lemma and lower-cased surface form: what the lexicons are written in */
  lemma: string[];
  lower: string[];
  /** what the scorer knows about each token's lemma, lower-case form and surface form */
  lemmaInfo: WordInfo[];
  lowerInfo: WordInfo[];
  surface: SurfaceInfo[];
  pos: string[];
  /**
   * a lower-case noun outside wink's vocabulary ("darren", "priya" in dictated notes): marked only for
   * those, the one kind of token that may be a name written in lower case
   */
  unknownNoun: boolean[];
  /** inside the scope of a negation ("did not share their priorities" flags share, their, priorities) */
  negated: boolean[];
  /** UTF-16 offsets of each token in `text` */
  start: number[];
  end: number[];
  /** token index ranges [first, last] of wink's sentences */
  sentences: Array<[number, number]>;
  /** per field: its offset in `text` and its tokens [tokenFrom, tokenTo) */
  fieldOffset: number[];
  tokenFrom: number[];
  tokenTo: number[];
}

/** wink's preceding spaces: what may stand between two tokens */
function isInterTokenSpace(code: number): boolean {
  return (
    code === 32 ||
    code === 0xa0 ||
    (code >= 0x2002 && code <= 0x2005) ||
    code === 0x2009 ||
    code === 0x200a ||
    code === 0x202f ||
    code === 0x205f
  );
}

/** wink's lemma of one token (its types its.lemma with a model-addons parameter out() does not declare) */
function lemmaOf(tokens: ReturnType<ReturnType<typeof nlp.readDoc>['tokens']>, index: number): string {
  return tokens.itemAt(index).out(its.lemma as never) as string;
}

export function readFields(fields: readonly string[]): TokenTable {
  trimWordCaches();
  const text = fields.join(FIELD_SEPARATOR);
  // wink reads the bounded copy (same length, so its offsets are the text's offsets too)
  const read = boundedFields(fields).join(FIELD_SEPARATOR);
  const doc = nlp.readDoc(read);
  const tokens = doc.tokens();
  const value = tokens.out(its.value) as string[];
  const pos = tokens.out(its.pos) as string[];
  const negated = tokens.out(its.negationFlag) as unknown as boolean[];
  const contraction = tokens.out(its.contractionFlag) as unknown as boolean[];
  const count = value.length;
  const lemma = new Array<string>(count);
  const lower = new Array<string>(count);
  const lemmaInfos = new Array<WordInfo>(count);
  const lowerInfos = new Array<WordInfo>(count);
  const surface = new Array<SurfaceInfo>(count);
  const start = new Array<number>(count);
  const end = new Array<number>(count);
  const unknownNoun = new Array<boolean>(count);
  let cursor = 0;
  for (let i = 0; i < count; i++) {
    const token = value[i]!;
    // wink reproduces the text exactly as spaces + values; indexOf is only a guard against surprises
    let at = cursor;
    while (at < read.length && isInterTokenSpace(read.charCodeAt(at))) at++;
    if (!read.startsWith(token, at)) at = read.indexOf(token, cursor);
    start[i] = at < 0 ? cursor : at;
    end[i] = at < 0 ? cursor : at + token.length;
    cursor = end[i]!;
    const s = surfaceInfo(token);
    let l: WordInfo | undefined;
    if (contraction[i]) l = lemmaInfo(lemmaOf(tokens, i));
    else {
      const tag = pos[i]!;
      l = cachedLemma(s, tag);
      if (l === undefined) cacheLemma(s, tag, (l = lemmaInfo(lemmaOf(tokens, i))));
    }
    surface[i] = s;
    unknownNoun[i] = pos[i] === 'NOUN' && token === s.lower.word && doc.isOOV(token);
    lowerInfos[i] = s.lower;
    lower[i] = s.lower.word;
    lemmaInfos[i] = l;
    lemma[i] = l.word;
  }
  const fieldOffset: number[] = [];
  const tokenFrom: number[] = [];
  const tokenTo: number[] = [];
  let offset = 0;
  let t = 0;
  for (const field of fields) {
    fieldOffset.push(offset);
    while (t < count && start[t]! < offset) t++;
    tokenFrom.push(t);
    offset += field.length + FIELD_SEPARATOR.length;
  }
  for (let f = 0; f < fields.length; f++) tokenTo.push(f + 1 < fields.length ? tokenFrom[f + 1]! : count);
  const sentences = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  return {
    text,
    value,
    lemma,
    lower,
    lemmaInfo: lemmaInfos,
    lowerInfo: lowerInfos,
    surface,
    pos,
    unknownNoun,
    negated,
    start,
    end,
    sentences,
    fieldOffset,
    tokenFrom,
    tokenTo,
  };
}

const LOWER_CASE_WORD = /^[a-z]{3,}$/;
/** endings of abstract nouns and coined verbs ("traceability", "operationalize"), never of names */
const THING_ENDING = /(?:ing|ity|ion|ment|ness|ics|ize|ise)$/;
/** what qualifies a noun as a thing: a determiner, adjective, number, possessive or name before it */
const QUALIFYING_POS = new Set(['DET', 'ADJ', 'PROPN', 'NUM', 'PRON']);

/**
 * "darren sets a meeting", "met with priya, she…": dictation leaves names in lower case, and wink
 * then reads them as nouns it does not know. Such a word names a person when nothing qualifies it
 * (no determiner or adjective: "the rollout" is a thing), it is singular, and a full verb follows
 * (not "is" or "will", which as often tell a thing's state) or "with" introduces it; abstract
 * endings and the scorer's own cue words are things, not people.
 */
export function isLowerCaseName(table: TokenTable, index: number): boolean {
  if (!table.unknownNoun[index]) return false;
  const word = table.lower[index]!;
  // a plural ("preceptors are…", wink's lemma drops the -s) is a group, not a name
  if (table.lemma[index] !== word || !LOWER_CASE_WORD.test(word) || THING_ENDING.test(word)) return false;
  if ((table.lowerInfo[index]!.flags & W_CUE_WORD) !== 0) return false;
  if (QUALIFYING_POS.has(table.pos[index - 1] ?? '')) return false;
  const next = table.pos[index + 1];
  // a finite verb: "darren wants", not shorthand's "cttee pushing"
  if (next === 'VERB') return !table.lower[index + 1]!.endsWith('ing');
  // wink tags a verb after an unknown word as a noun when a determiner follows: "darren sets a…"
  if (next === 'NOUN' && table.pos[index + 2] === 'DET') return true;
  return table.lower[index - 1] === 'with' && (next === 'PUNCT' || next === 'DET' || next === 'CCONJ');
}
