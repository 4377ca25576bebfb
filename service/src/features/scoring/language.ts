// The coach's rules read English. A note written in another language would get a misleading number,
// so the scorer first asks whether the note reads as English: it counts common function words of
// English against those of the European languages reps most often write in, and letters outside
// the Latin script. Linear in the text; short drafts are given the benefit of the doubt.
import type { ScoringInput } from './types';

const MIN_WORDS = 8;
const MIN_LETTERS = 20;

const ENGLISH = new Set(
  (
    'the and to of we they a an in for is on with that it our their was were will be are at by this ' +
    'have has not he she i you but from about next them us his her who what how want wants said ' +
    'asked told would could should there been if so or into after before than then which also ' +
    'w/ mtg re'
  ).split(' '),
);

// Words that are frequent in Spanish, French, German, Portuguese, Italian or Dutch and are not
// English words a sales note would use.
const OTHER = new Set(
  (
    'el la los las que y del por para es una un su sus pero como muy más también nos fue ' +
    'le les des et est pour une dans du au aux qui pas sur avec nous ils elle sont été ' +
    'der die das und ist nicht mit ein eine zu den von auf für sich dem wir sie auch werden ' +
    'não em uma com os ao pelo pela são foi mais ' +
    'il che di della delle degli sono gli una nel alla ' +
    'het een van niet op zijn ook maar wij'
  ).split(' '),
);

const LETTER_RUN = /\p{L}[\p{L}'’/]*/gu;
const LATIN = /^[\p{Script=Latin}'’/]+$/u;

export function readsAsEnglish(note: ScoringInput): boolean {
  const texts = [
    note.summary,
    note.customerView,
    note.ideas,
    note.nextStep,
    ...note.prompts.map((p) => p.text),
  ];
  let words = 0;
  let letters = 0;
  let nonLatinLetters = 0;
  let english = 0;
  let other = 0;
  for (const text of texts) {
    if (!text) continue;
    for (const match of text.matchAll(LETTER_RUN)) {
      const word = match[0].toLowerCase();
      words++;
      letters += word.length;
      // scripts written without spaces (Chinese, Japanese) make one long run: count letters, not words
      if (!LATIN.test(word)) nonLatinLetters += word.length;
      else if (ENGLISH.has(word)) english++;
      else if (OTHER.has(word)) other++;
    }
  }
  if (letters >= MIN_LETTERS && nonLatinLetters * 2 > letters) return false;
  if (words < MIN_WORDS) return true;
  return !(other >= 3 && other > english);
}
