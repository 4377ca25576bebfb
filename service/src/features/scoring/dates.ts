// Dates: how precisely a clause dates a next step, and whether the note's nextStepDate is usable.
import type { TokenTable } from './read-text';
import * as wordInfo from './word-info';

// Imported bindings are getter calls once compiled to CommonJS (tsx, jest); these are read per token.
const {
  W_AMBIGUOUS_MONTH,
  W_DATE_WORD,
  W_DAY_NUMBER,
  W_MONTH,
  W_NUMERIC_DATE,
  W_PRECISE_PERIOD,
  W_VAGUE_PERIOD,
  W_WEEKDAY,
} = wordInfo;

/** 0: no date; 1: vague ("next quarter", "in January"); 2: plannable ("March 4", "next Tuesday", "in two weeks", "on the 14th") */
export type DatePrecision = 0 | 1 | 2;

/** Token bounds of the field a clause lies in: a day number in the next field dates nothing here. */
interface Bounds {
  first: number;
  end: number;
}

function isDayNumber(table: TokenTable, index: number, bounds: Bounds): boolean {
  return index >= bounds.first && index < bounds.end && (table.lowerInfo[index]!.flags & W_DAY_NUMBER) !== 0;
}

function monthPrecision(table: TokenTable, index: number, flags: number, bounds: Bounds): DatePrecision {
  if ((flags & W_MONTH) === 0) return 0;
  const besideDay =
    isDayNumber(table, index + 1, bounds) ||
    isDayNumber(table, index - 1, bounds) ||
    isDayNumber(table, index - 2, bounds);
  if (besideDay) return 2;
  // "may" and "march" are verbs too: only a capitalised, day-less month counts, and only vaguely
  return (flags & W_AMBIGUOUS_MONTH) !== 0 || table.pos[index] !== 'PROPN' ? 0 : 1;
}

const FROM_NOW = new Set(['in', 'within', 'by', 'after', 'next']);
const ORDINAL = /^\d{1,2}(st|nd|rd|th)$/;

/** "on the 14th", "by the 30th": a day of the current or next month, written without the month */
function ordinalDayPrecision(table: TokenTable, index: number, flags: number, bounds: Bounds): DatePrecision {
  if ((flags & W_DAY_NUMBER) === 0 || index - 1 < bounds.first) return 0;
  return table.lower[index - 1] === 'the' && ORDINAL.test(table.lower[index]!) ? 2 : 0;
}

function periodPrecision(table: TokenTable, index: number, flags: number, bounds: Bounds): DatePrecision {
  if ((flags & (W_PRECISE_PERIOD | W_VAGUE_PERIOD)) === 0) return 0;
  const inField = index - 1 >= bounds.first;
  const before = inField ? table.lower[index - 1] : undefined;
  // "in a week", "within a day", "end of the week": a period counted from now
  const fromNow =
    before === 'a' && index - 2 >= bounds.first && ['in', 'within'].includes(table.lower[index - 2]!);
  const endOf =
    (before === 'of' && table.lower[index - 2] === 'end') ||
    (before === 'the' && table.lower[index - 2] === 'of' && table.lower[index - 3] === 'end');
  // "in two weeks" dates a step; "onboarding takes six weeks" or "for two weeks" is a duration
  const count = inField && (table.pos[index - 1] === 'NUM' || before === 'two');
  const countedFromNow = count && index - 2 >= bounds.first && FROM_NOW.has(table.lower[index - 2]!);
  const counted = before === 'next' || before === 'this' || countedFromNow || fromNow || endOf;
  if (!counted) return 0;
  if ((flags & W_PRECISE_PERIOD) !== 0) return 2;
  return (flags & W_VAGUE_PERIOD) !== 0 ? 1 : 0;
}

export function datePrecision(
  table: TokenTable,
  from: number,
  to: number,
  fieldFirst: number,
  fieldEnd: number,
): DatePrecision {
  const bounds = { first: fieldFirst, end: fieldEnd };
  let best: DatePrecision = 0;
  for (let i = from; i < to && best < 2; i++) {
    const flags = table.lowerInfo[i]!.flags;
    if ((flags & (W_DATE_WORD | W_DAY_NUMBER)) === 0) continue;
    let precision: DatePrecision = 0;
    if ((flags & (W_WEEKDAY | W_NUMERIC_DATE)) !== 0) precision = 2;
    else
      precision = Math.max(
        monthPrecision(table, i, flags, bounds),
        periodPrecision(table, i, flags, bounds),
        ordinalDayPrecision(table, i, flags, bounds),
      ) as DatePrecision;
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
