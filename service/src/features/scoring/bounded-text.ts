// What the scorer reads of a note, bounded so one note cannot cost seconds of CPU. wink-nlp's
// tokeniser is quadratic in the length of a run without spaces ("???…", "-a-a-a…", a long word), so
// runs of one symbol are cut short and long runs are read only up to a length no word reaches; and
// a note is read only up to a number of tokens far beyond a real note's, so the worst note the body
// limit admits costs a small multiple of a typical one.
//
// The bounded copy has the text's length and blanks (spaces) where it leaves something out: token
// offsets, and with them evidence offsets, still point into the original text.

/** "!!!" still reads as emphasis; a fourth mark adds nothing. */
export const SYMBOL_RUN_LIMIT = 3;
/** Longer than any word or number a note needs read (URLs are cut, which never scored). */
export const CHUNK_LIMIT = 64;
/** Tokens read per field and per note: about 380 and 420 words of prose, twice a long note. */
export const FIELD_TOKEN_LIMIT = 450;
export const NOTE_TOKEN_LIMIT = 500;

/** The characters wink and JavaScript treat as white space. */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(code: number): boolean {
  if (code < 0x80) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  return WORD_CHAR.test(String.fromCharCode(code));
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

export interface BoundedText {
  /** `text` with what is not read blanked; `text` itself when everything is read */
  text: string;
  /** tokens counted: a run of letters and digits is one, every other mark is one */
  tokens: number;
}

/** A same-length copy of `text` that reads at most `tokenBudget` tokens, in linear time. */
export function boundedText(text: string, tokenBudget: number): BoundedText {
  // blanked ranges [from, to), in order; adjacent ones merge
  const blanks: number[] = [];
  const blank = (from: number, to: number) => {
    if (blanks.length > 0 && blanks[blanks.length - 1]! >= from) blanks[blanks.length - 1] = to;
    else blanks.push(from, to);
  };
  let tokens = 0;
  let chunk = 0;
  let run = 0;
  let inWord = false;
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      chunk = run = 0;
      inWord = false;
      previous = code;
      continue;
    }
    const word = isWordChar(code);
    const startsToken = !word || !inWord;
    if (startsToken && tokens >= tokenBudget) {
      // the rest is not read; never leave half of a surrogate pair behind
      blank(i > 0 && isLowSurrogate(code) ? i - 1 : i, text.length);
      break;
    }
    chunk++;
    run = !word && code === previous ? run + 1 : 1;
    previous = code;
    inWord = word;
    if (chunk > CHUNK_LIMIT || (!word && run > SYMBOL_RUN_LIMIT)) {
      blank(isLowSurrogate(code) && chunk > 1 ? i - 1 : i, i + 1);
      inWord = false;
      continue;
    }
    if (startsToken) tokens++;
  }
  if (blanks.length === 0) return { text, tokens };
  let copy = '';
  let kept = 0;
  for (let b = 0; b < blanks.length; b += 2) {
    copy += text.slice(kept, blanks[b]) + ' '.repeat(blanks[b + 1]! - blanks[b]!);
    kept = blanks[b + 1]!;
  }
  return { text: copy + text.slice(kept), tokens };
}

/** Each field's bounded copy, fields read in order against one note-wide budget. */
export function boundedFields(fields: readonly string[]): string[] {
  let left = NOTE_TOKEN_LIMIT;
  return fields.map((field) => {
    const bounded = boundedText(field, Math.min(FIELD_TOKEN_LIMIT, left));
    left -= bounded.tokens;
    return bounded.text;
  });
}
