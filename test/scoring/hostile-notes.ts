// The costliest notes we know how to build under the note schema's limits (every text field full,
// twenty ad-hoc prompts): runs of punctuation that made wink-nlp's tokeniser quadratic, words it
// cannot cache, zero-width joins, contractions and one-token sentences. The scoring bench reports
// the worst of them against a typical note; the scoring tests hold it to a generous bound.
import type { ScoringInput } from '../../service/src/features/scoring';

/** The note schema's maxima (api/notes/schemas.ts). */
export const NOTE_LIMITS = {
  summary: 10000,
  customerView: 10000,
  ideas: 10000,
  nextStep: 2000,
  prompts: 20,
  prompt: 2000,
};

function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

type Piece = (random: () => number) => string;

const letters =
  (alphabet: string): Piece =>
  (random) =>
    Array.from(
      { length: 3 + Math.floor(random() * 6) },
      () => alphabet[Math.floor(random() * alphabet.length)],
    ).join('');
const repeat =
  (unit: string): Piece =>
  () =>
    unit;
const latin = letters('abcdefghijklmnopqrstuvwxyz');

/** Each shape makes text by repeating a piece; random pieces differ on every call. */
export const HOSTILE_SHAPES: Record<string, Piece> = {
  questionMarks: repeat('?'),
  spacedQuestionMarks: repeat('? '),
  mixedPunctuation: repeat('?!'),
  letterAndQuestion: repeat('a?'),
  dashedLetters: repeat('-a'),
  ampersands: repeat('&'),
  oneLongWord: repeat('a'),
  contractions: repeat("don't "),
  emoji: repeat('😀 '),
  combiningMarks: repeat('a\u0301 '),
  lineBreaks: repeat('A\n\n'),
  randomWords: (random) => `${latin(random)} `,
  zeroWidthJoined: (random) => `${latin(random)}\u200b${latin(random)} `,
  hyphenQuestions: (random) => `${latin(random)}-${latin(random)}? `,
  rightToLeft: (random) => `${letters('אבגדהוזחטיכלמנסעפצקרשת')(random)} `,
};

function fill(piece: Piece, random: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += piece(random);
  // never end on half of a surrogate pair
  const cut = text.slice(0, length);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** A note with every field at its limit, made of one shape. */
export function hostileNote(shape: keyof typeof HOSTILE_SHAPES, seed = 1): ScoringInput {
  const piece = HOSTILE_SHAPES[shape]!;
  const random = randomSource(seed);
  return {
    summary: fill(piece, random, NOTE_LIMITS.summary),
    customerView: fill(piece, random, NOTE_LIMITS.customerView),
    ideas: fill(piece, random, NOTE_LIMITS.ideas),
    nextStep: fill(piece, random, NOTE_LIMITS.nextStep),
    prompts: Array.from({ length: NOTE_LIMITS.prompts }, () => ({
      fromLibrary: false,
      text: fill(piece, random, NOTE_LIMITS.prompt),
    })),
  };
}
