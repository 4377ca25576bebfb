// Dates as people type them: ISO (2026-12-10) or the user's own short format (12/10/2026 in the
// US, 10.12.2026 in Germany), read into YYYY-MM-DD for the service, and shown back in that format.
import SHORT_DATE_FORMAT from '@salesforce/i18n/dateTime.shortDateFormat';
import LABEL_DATE_HINT from '@salesforce/label/c.UAN_Date_Hint';
import LABEL_DATE_INVALID from '@salesforce/label/c.UAN_Date_Invalid';

// the years the service accepts (its calendar-day rule)
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const EXAMPLE_DAY = '2026-12-31';

/** The order of year, month and day in a pattern such as "M/d/yyyy" or "dd.MM.yy". */
function fieldOrder(pattern) {
  const order = [];
  for (const letter of String(pattern ?? '').replace(/'[^']*'/g, '')) {
    if ('yMd'.includes(letter) && !order.includes(letter)) {
      order.push(letter);
    }
  }
  return order.length === 3 ? order : ['M', 'd', 'y'];
}

function pad(value, width) {
  return String(value).padStart(width, '0');
}

function isoOf(year, month, day) {
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) {
    return null;
  }
  // the last day of the month, leap years included
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) {
    return null;
  }
  return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Reads a typed date as YYYY-MM-DD: ISO, or numbers in the order of the user's short date format
 * with any of / . - or spaces between them; a two-digit year is in this century. Blank reads as ''.
 * Anything else (a day that does not exist, a year the service refuses, words) is null.
 */
export function parseDateInput(text, pattern = SHORT_DATE_FORMAT) {
  const typed = String(text ?? '').trim();
  if (!typed) {
    return '';
  }
  const iso = ISO_DAY.exec(typed);
  if (iso) {
    return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  }
  // some formats end with a dot ("2026. 12. 10.")
  const parts = typed.replace(/\.$/, '').split(/[\s./-]+/);
  if (parts.length !== 3 || !parts.every((p) => /^\d{1,4}$/.test(p))) {
    return null;
  }
  const values = {};
  fieldOrder(pattern).forEach((field, index) => {
    values[field] = parts[index];
  });
  const { y, M, d } = values;
  if (M.length > 2 || d.length > 2 || y.length === 3) {
    return null;
  }
  const year = y.length <= 2 ? 2000 + Number(y) : Number(y);
  return isoOf(year, Number(M), Number(d));
}

/** A YYYY-MM-DD date in the user's short format, so what the field shows reads back the same. */
export function formatDateInput(iso, pattern = SHORT_DATE_FORMAT) {
  const match = ISO_DAY.exec(String(iso ?? ''));
  // a pattern with month names would not read back: ISO is understood everywhere
  if (!match || /MMM/.test(pattern ?? '')) {
    return match ? iso : '';
  }
  const [, year, month, day] = match;
  const values = { y: year, M: String(Number(month)), d: String(Number(day)) };
  return String(pattern).replace(/y+|M+|d+/g, (token) => {
    const field = token[0];
    if (field === 'y') {
      return token.length === 2 ? year.slice(2) : year;
    }
    return token.length >= 2 ? pad(values[field], 2) : values[field];
  });
}

/** What a date field's placeholder shows: the same day in the user's format and in ISO. */
export function dateInputHint() {
  return formatHint(LABEL_DATE_HINT);
}

function formatHint(label) {
  return String(label).replace('{0}', formatDateInput(EXAMPLE_DAY)).replace('{1}', EXAMPLE_DAY);
}

/**
 * Reads what was typed into a date input and sets the input's validity: an unreadable date marks
 * it invalid (shown when the input next reports, on leaving it or on save); a readable one clears
 * the mark at once. Returns YYYY-MM-DD, '' for blank, or null while unreadable.
 */
export function readDateInput(input, text) {
  const iso = parseDateInput(text);
  if (iso === null) {
    input.setCustomValidity(formatHint(LABEL_DATE_INVALID));
  } else {
    input.setCustomValidity('');
    input.reportValidity();
  }
  return iso;
}
