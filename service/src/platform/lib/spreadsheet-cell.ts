// Spreadsheets run a cell that starts with one of these as a formula (CSV injection). Such a cell
// is written with a leading apostrophe, which spreadsheets show as text; a cell that already
// starts with an apostrophe gets one more, so reading strips exactly one and the round trip is
// lossless. A hand-written cell like "'Tis" (apostrophe, then an ordinary character) is kept.
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r']);
const TEXT_MARK = "'";

const needsMark = (first: string | undefined) =>
  first !== undefined && (FORMULA_STARTS.has(first) || first === TEXT_MARK);

/** The cell as a spreadsheet should store it: never a formula. */
export function toSpreadsheetText(cell: string): string {
  return needsMark(cell[0]) ? `${TEXT_MARK}${cell}` : cell;
}

/** Undoes `toSpreadsheetText`. */
export function fromSpreadsheetText(cell: string): string {
  return cell[0] === TEXT_MARK && needsMark(cell[1]) ? cell.slice(1) : cell;
}
