// Dates: how precisely a clause dates a next step, and whether the note's nextStepDate is usable.
import { AMBIGUOUS_MONTHS, MONTHS, PRECISE_PERIODS, VAGUE_PERIODS, WEEKDAYS } from './lexicon';
import type { TokenTable } from './read-text';

/** 0: no date; 1: vague ("next quarter", "in January"); 2: plannable ("March 4", "next Tuesday", "in two weeks") */
export type DatePrecision = 0 | 1 | 2;

const NUMERIC_DATE = /^(\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}([/.]\d{2,4})?)$/;
const DAY_NUMBER = /^\d{1,2}(st|nd|rd|th)?$/;

function isDayNumber(table: TokenTable, index: number): boolean {
  return index >= 0 && index < table.value.length && DAY_NUMBER.test(table.lower[index]!);
}

function monthPrecision(table: TokenTable, index: number): DatePrecision {
  const lower = table.lower[index]!;
  const word = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  if (!MONTHS.has(word)) return 0;
  const besideDay =
    isDayNumber(table, index + 1) || isDayNumber(table, index - 1) || isDayNumber(table, index - 2);
  if (besideDay) return 2;
  // "may" and "march" are verbs too: only a capitalised, day-less month counts, and only vaguely
  return AMBIGUOUS_MONTHS.has(word) || table.pos[index] !== 'PROPN' ? 0 : 1;
}

function periodPrecision(table: TokenTable, index: number): DatePrecision {
  const word = table.lower[index]!;
  if (!PRECISE_PERIODS.has(word) && !VAGUE_PERIODS.has(word)) return 0;
  const before = table.lower[index - 1];
  const counted =
    before === 'next' || before === 'this' || table.pos[index - 1] === 'NUM' || before === 'two';
  if (!counted) return 0;
  if (PRECISE_PERIODS.has(word)) return 2;
  return VAGUE_PERIODS.has(word) ? 1 : 0;
}

export function datePrecision(table: TokenTable, from: number, to: number): DatePrecision {
  let best: DatePrecision = 0;
  for (let i = from; i < to && best < 2; i++) {
    const word = table.lower[i]!;
    let precision: DatePrecision = 0;
    const startsWithDigit = word.charCodeAt(0) >= 48 && word.charCodeAt(0) <= 57;
    if (WEEKDAYS.has(word) || (startsWithDigit && NUMERIC_DATE.test(word))) precision = 2;
    else precision = Math.max(monthPrecision(table, i), periodPrecision(table, i)) as DatePrecision;
    if (precision > best) best = precision;
  }
  return best;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A next step dated before the conversation is not a way forward; an unparseable date is no date. */
export function usableNextStepDate(nextStepDate?: string, occurredAt?: string): boolean {
  if (!nextStepDate || !ISO_DATE.test(nextStepDate) || Number.isNaN(Date.parse(nextStepDate))) return false;
  if (!occurredAt || Number.isNaN(Date.parse(occurredAt))) return true;
  return nextStepDate >= occurredAt.slice(0, 10);
}
