// Splits a note's sentences into clauses: the unit the scorer judges. A clause ends at a sentence end,
// a line break (bullet lists, and the break between two fields), ";" or ":" and before a contrasting
// conjunction ("…, but", "while", "whereas"), because those usually change the subject ("the CFO
// wants X while IT wants Y").
import type { TokenTable } from './read-text';
import * as wordInfo from './word-info';

// Imported bindings are getter calls once compiled to CommonJS (tsx, jest); this one is read per token.
const { W_CONTRAST } = wordInfo;

export interface ClauseRange {
  /** token indexes, `to` exclusive, trimmed of punctuation and whitespace at both ends */
  from: number;
  to: number;
}

function isBlank(table: TokenTable, index: number): boolean {
  const pos = table.pos[index];
  return pos === 'PUNCT' || pos === 'SPACE' || pos === 'SYM';
}

function isConjunction(pos: string | undefined): boolean {
  return pos === 'CCONJ' || pos === 'SCONJ';
}

function isBreak(table: TokenTable, index: number): boolean {
  const value = table.value[index]!;
  const pos = table.pos[index];
  if (value === ';' || value === ':' || value === '\n' || (pos === 'SPACE' && value.includes('\n')))
    return true;
  return (table.lowerInfo[index]!.flags & W_CONTRAST) !== 0 && isConjunction(pos);
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
      from = isConjunction(table.pos[i]) ? i : i + 1;
    }
    pushTrimmed(table, from, last + 1, clauses);
  }
  return clauses;
}
