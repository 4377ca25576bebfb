// Statements inside a clause: dictated notes run on without punctuation ("…the analysts hate it i
// showed them our screens and they liked the reason codes…"), so one clause can hold several
// statements by different actors. A statement starts at a subject ("she", "we", "Hank") followed by
// its verb, after a word that cannot govern it: "she said they are losing…" stays one statement (a
// verb governs "they"), and so does "I raised that they should…" (a subordinating word does).
import type { ClauseRange } from './clauses';
import { isLowerCaseName, type TokenTable } from './read-text';

/** nominative pronouns: no preposition or verb takes them as an object, so they start a statement */
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'he', 'she', 'they']);
/** verbs that take a statement as their object ("said they…", "thinks we…") */
const REPORTING_VERBS = new Set(
  (
    'say tell think know believe feel mention explain admit guess hope wish hear see realize realise ' +
    'notice agree add suggest propose worry fear expect confirm argue claim understand assume note ' +
    'report warn show mean learn decide ask wonder find figure reckon doubt'
  ).split(' '),
);
/** words that carry on the sentence, and that open the new clause when they stand before its subject */
const LINKS = new Set(['and', 'but', 'so', 'then']);
/** words before a pronoun that make it part of the running clause rather than a new subject */
const GOVERNING_POS = new Set(['VERB', 'AUX', 'ADP', 'SCONJ', 'PART', 'DET']);
/** what may govern a nominative pronoun: a subordinating word or a verb that reports a statement */
const PRONOUN_GOVERNING_POS = new Set(['AUX', 'SCONJ']);
const RELATIVES = new Set(['that', 'what', 'who', 'which', 'where', 'when', 'how', 'whether', 'if']);
/** pronouns that end a statement as its object ("…hate it i showed…"); others open a relative ("something I saw") */
const OBJECT_PRONOUNS = new Set(['it', 'them', 'him', 'her', 'me', 'us', 'you']);
/** a new clause needs this many words before it, so short openings stay whole */
const MIN_WORDS_BEFORE = 3;

function isBlank(pos: string | undefined): boolean {
  return pos === 'PUNCT' || pos === 'SPACE' || pos === 'SYM';
}

function isVerb(pos: string | undefined): boolean {
  return pos === 'VERB' || pos === 'AUX';
}

function isSubject(table: TokenTable, index: number): boolean {
  const pos = table.pos[index];
  if (pos === 'PRON') return SUBJECT_PRONOUNS.has(table.lower[index]!);
  return (pos === 'PROPN' && table.surface[index]!.nameShape) || isLowerCaseName(table, index);
}

/** The subject's verb follows it: directly, after one adverb, or after the rest of a two-word name. */
function verbFollows(table: TokenTable, index: number, to: number): boolean {
  const next = index + 1;
  if (next >= to) return false;
  if (isVerb(table.pos[next])) return true;
  const skippable =
    table.pos[next] === 'ADV' || (table.pos[index] === 'PROPN' && table.pos[next] === 'PROPN');
  return skippable && next + 1 < to && isVerb(table.pos[next + 1]);
}

/** The token index that opens a new statement at `index` (its subject, or a linking word just before it), or -1. */
function statementStart(table: TokenTable, from: number, index: number, to: number): number {
  if (index - from < MIN_WORDS_BEFORE || !isSubject(table, index) || !verbFollows(table, index, to))
    return -1;
  const before = index - 1;
  const lower = table.lower[before]!;
  const pos = table.pos[before]!;
  if (LINKS.has(lower)) return before - from < MIN_WORDS_BEFORE ? -1 : before;
  if (RELATIVES.has(lower) || isBlank(pos)) return -1;
  if (table.pos[index] === 'PRON') {
    if (PRONOUN_GOVERNING_POS.has(pos)) return -1;
    if (pos === 'VERB' && REPORTING_VERBS.has(table.lemma[before]!)) return -1;
    if (pos === 'PRON' && !OBJECT_PRONOUNS.has(lower)) return -1;
    return index;
  }
  if (GOVERNING_POS.has(pos) || pos === 'PRON') return -1;
  // a name right after a name is more of the same name ("Hank Dietrich")
  return pos === 'PROPN' ? -1 : index;
}

/** A clause's statements, in order; a clause with one statement comes back as the only range. */
export function splitStatements(table: TokenTable, clause: ClauseRange): ClauseRange[] {
  const parts: ClauseRange[] = [];
  let from = clause.from;
  for (let i = clause.from + 1; i < clause.to; i++) {
    const start = statementStart(table, from, i, clause.to);
    if (start < 0) continue;
    let end = start;
    while (end > from && isBlank(table.pos[end - 1])) end--;
    parts.push({ from, to: end });
    from = start;
  }
  if (parts.length === 0) return [clause];
  parts.push({ from, to: clause.to });
  return parts;
}
