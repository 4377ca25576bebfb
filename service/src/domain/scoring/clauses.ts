// Splits a field's sentences into clauses: the unit the scorer judges. A clause ends at a sentence end,
// a line break (bullet lists), ";" or ":" and before a contrasting conjunction ("…, but", "while",
// "whereas"), because those usually change the subject ("the CFO wants X while IT wants Y").
import type { TokenTable } from './read-text';

export interface ClauseRange {
  /** token indexes, `to` exclusive, trimmed of punctuation and whitespace at both ends */
  from: number;
  to: number;
}

const HARD_BREAKS = new Set([';', ':', '\n']);
const CONTRAST_WORDS = new Set(['but', 'while', 'whereas']);

function isBlank(table: TokenTable, index: number): boolean {
  const pos = table.pos[index];
  return pos === 'PUNCT' || pos === 'SPACE' || pos === 'SYM';
}

function isBreak(table: TokenTable, index: number): boolean {
  const value = table.value[index]!;
  if (HARD_BREAKS.has(value) || (table.pos[index] === 'SPACE' && value.includes('\n'))) return true;
  return (
    CONTRAST_WORDS.has(table.lower[index]!) && (table.pos[index] === 'CCONJ' || table.pos[index] === 'SCONJ')
  );
}

function pushTrimmed(table: TokenTable, from: number, to: number, out: ClauseRange[]): void {
  let first = from;
  let last = to;
  while (first < last && isBlank(table, first)) first++;
  while (last > first && isBlank(table, last - 1) && table.value[last - 1] !== ')') last--;
  if (first < last) out.push({ from: first, to: last });
}

export function splitClauses(table: TokenTable): ClauseRange[] {
  const clauses: ClauseRange[] = [];
  for (const [first, last] of table.sentences) {
    let from = first;
    for (let i = first; i <= last; i++) {
      if (!isBreak(table, i)) continue;
      pushTrimmed(table, from, i, clauses);
      // a contrasting conjunction belongs to the clause it opens; a break character to neither
      from = table.pos[i] === 'CCONJ' || table.pos[i] === 'SCONJ' ? i : i + 1;
    }
    pushTrimmed(table, from, last + 1, clauses);
  }
  return clauses;
}
