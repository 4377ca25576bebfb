// Reads one free-text field with wink-nlp, once, into flat per-token arrays the scorer can scan cheaply.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

// Only the pipeline steps the scorer reads: sentence boundaries, negation scope and parts of speech.
// Sentiment and entity recognition would double the cost of every note without informing a score.
export const NLP_PIPELINE = ['sbd', 'negation', 'pos'] as const;
const nlp = winkNLP(model, [...NLP_PIPELINE]);
const its = nlp.its;

export interface TokenTable {
  text: string;
  value: string[];
  /** lower-cased lemma and lower-cased surface form: what the lexicons are written in */
  lemma: string[];
  lower: string[];
  pos: string[];
  /** inside the scope of a negation ("did not share their priorities" flags share, their, priorities) */
  negated: boolean[];
  /** UTF-16 offsets of each token in `text` */
  start: number[];
  end: number[];
  /** token index ranges [first, last] of wink's sentences */
  sentences: Array<[number, number]>;
}

export function readText(text: string): TokenTable {
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const value = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  // wink types its.lemma with a model-addons parameter that out() does not declare; it works as the others do
  const lemma = (tokens.out(its.lemma as never) as string[]).map((l) => l.toLowerCase());
  const pos = tokens.out(its.pos) as string[];
  const negated = tokens.out(its.negationFlag) as unknown as boolean[];
  const start = new Array<number>(value.length);
  const end = new Array<number>(value.length);
  let cursor = 0;
  for (let i = 0; i < value.length; i++) {
    const token = value[i]!;
    const expected = cursor + spaces[i]!.length;
    // wink reproduces the text exactly as spaces + values; indexOf is only a guard against surprises.
    const at = text.startsWith(token, expected) ? expected : text.indexOf(token, cursor);
    start[i] = at < 0 ? cursor : at;
    end[i] = at < 0 ? cursor : at + token.length;
    cursor = end[i]!;
  }
  const sentences = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  const lower = value.map((v) => v.toLowerCase());
  return { text, value, lemma, lower, pos, negated, start, end, sentences };
}
