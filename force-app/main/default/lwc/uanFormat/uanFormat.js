// Shared formatting and vocabulary for the Up at Night components: dimensions, reactions,
// percentages, intervals, dates and score bands. Pure functions; labels come from custom labels.
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import LABEL_OVERALL from '@salesforce/label/c.UAN_Dim_Overall';
import LABEL_PROVOCATION from '@salesforce/label/c.UAN_Dim_Provocation';
import LABEL_CUSTOMER_VIEW from '@salesforce/label/c.UAN_Dim_CustomerView';
import LABEL_COLLABORATION from '@salesforce/label/c.UAN_Dim_Collaboration';
import LABEL_BUSINESS_FOCUS from '@salesforce/label/c.UAN_Dim_BusinessFocus';
import LABEL_NEXT_STEP from '@salesforce/label/c.UAN_Dim_NextStep';
import LABEL_NEW_TO_THEM from '@salesforce/label/c.UAN_Reaction_NewToThem';
import LABEL_ALREADY_ADDRESSING from '@salesforce/label/c.UAN_Reaction_AlreadyAddressing';
import LABEL_REDIRECTED from '@salesforce/label/c.UAN_Reaction_Redirected';
import LABEL_DISMISSED from '@salesforce/label/c.UAN_Reaction_Dismissed';
import LABEL_NOT_ENOUGH_DATA from '@salesforce/label/c.UAN_NotEnoughData';
import LABEL_INTERVAL from '@salesforce/label/c.UAN_Format_Interval';
import LABEL_NO_VALUE from '@salesforce/label/c.UAN_NoValue';
import LABEL_DRAFT from '@salesforce/label/c.UAN_Status_Draft';
import LABEL_PUBLISHED from '@salesforce/label/c.UAN_Status_Published';
import LABEL_RETIRED from '@salesforce/label/c.UAN_Status_Retired';

export { dateInputHint, formatDateInput, parseDateInput, readDateInput } from './dateInput';

/** The five scoring dimensions, in the order every component shows them. */
export const DIMENSIONS = ['provocation', 'customerView', 'collaboration', 'businessFocus', 'nextStep'];

const DIMENSION_LABELS = {
  overall: LABEL_OVERALL,
  provocation: LABEL_PROVOCATION,
  customerView: LABEL_CUSTOMER_VIEW,
  collaboration: LABEL_COLLABORATION,
  businessFocus: LABEL_BUSINESS_FOCUS,
  nextStep: LABEL_NEXT_STEP,
};

/** How a customer reacted to a provocation; none of them is a failure. */
export const REACTIONS = ['new_to_them', 'already_addressing', 'redirected', 'dismissed'];

const REACTION_LABELS = {
  new_to_them: LABEL_NEW_TO_THEM,
  already_addressing: LABEL_ALREADY_ADDRESSING,
  redirected: LABEL_REDIRECTED,
  dismissed: LABEL_DISMISSED,
};

export function dimensionLabel(key) {
  return DIMENSION_LABELS[key] ?? key;
}

/** A table's columns, [{key, label}]: `keys` in the order shown (all of `labels` by default), headed by `labels`. */
export function tableColumns(labels, keys = Object.keys(labels)) {
  return keys.map((key) => ({ key, label: labels[key] }));
}

/** The overall score and the five dimensions as table columns: [{key, label}]. */
export function scoreColumns() {
  return ['overall', ...DIMENSIONS].map((key) => ({ key, label: dimensionLabel(key) }));
}

/** A row's score cells under scoreColumns(), from its averages {overall, provocation, ...}. */
export function scoreCells(averages) {
  return scoreColumns().map((column) => ({ key: column.key, text: formatScore(averages?.[column.key]) }));
}

// Colour-blind-safe palette (Okabe–Ito); the tables next to the charts carry the same numbers for everyone.
export const CHART_PALETTE = ['#000000', '#E69F00', '#56B4E9', '#009E73', '#D55E00', '#CC79A7'];

export function reactionLabel(key) {
  return REACTION_LABELS[key] ?? key ?? '';
}

/** Options for a lightning-combobox of reactions. */
export function reactionOptions() {
  return REACTIONS.map((value) => ({ value, label: REACTION_LABELS[value] }));
}

/** Replaces {0}, {1}, … in a label with the given values. */
export function formatLabel(label, ...values) {
  return String(label ?? '').replace(/\{(\d+)\}/g, (match, index) => {
    const value = values[Number(index)];
    return value === undefined || value === null ? '' : String(value);
  });
}

function isNumber(value) {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A 0–100 score as a whole number, or a dash when there is none. */
export function formatScore(value) {
  return isNumber(value) ? String(Math.round(value)) : LABEL_NO_VALUE;
}

/** A 0–1 share as a whole percentage ("52%"). */
export function formatPercent(share) {
  if (!isNumber(share)) {
    return LABEL_NO_VALUE;
  }
  return new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/**
 * A rate with its confidence interval: "52% (38–66%)", or "not enough data" when the service
 * says the sample is too small to mean anything.
 * @param {{rate:number, low:number, high:number, enoughData:boolean}} stat
 */
export function formatRateInterval(stat) {
  if (!stat || stat.enoughData === false || !isNumber(stat.rate)) {
    return LABEL_NOT_ENOUGH_DATA;
  }
  if (!isNumber(stat.low) || !isNumber(stat.high)) {
    return formatPercent(stat.rate);
  }
  const whole = (share) => String(Math.round(share * 100));
  return formatLabel(LABEL_INTERVAL, formatPercent(stat.rate), whole(stat.low), `${whole(stat.high)}%`);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date ("2026-11-20") or timestamp in the user's locale; date-only values never shift a day. */
export function formatDate(value) {
  if (!value) {
    return LABEL_NO_VALUE;
  }
  const dateOnly = DATE_ONLY.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) {
    return String(value);
  }
  const style = { year: 'numeric', month: 'short', day: 'numeric' };
  if (dateOnly) {
    style.timeZone = 'UTC';
  }
  return new Intl.DateTimeFormat(LOCALE, style).format(date);
}

/** An amount in the org's currency, without decimals. */
export function formatAmount(value) {
  if (!isNumber(value)) {
    return LABEL_NO_VALUE;
  }
  return new Intl.NumberFormat(LOCALE, {
    style: 'currency',
    currency: CURRENCY || 'USD',
    maximumFractionDigits: 0,
  }).format(value);
}

/** Today's date in the user's own calendar, as YYYY-MM-DD. */
export function todayIso(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The date `days` before `from`, as YYYY-MM-DD. */
export function daysAgoIso(days, from = new Date()) {
  const date = new Date(from.getFullYear(), from.getMonth(), from.getDate() - days);
  return todayIso(date);
}

/** CSS modifier for a 0–100 score, so low/middling/strong read differently at a glance. */
export function scoreTone(value) {
  if (!isNumber(value)) {
    return 'none';
  }
  if (value >= 70) {
    return 'strong';
  }
  if (value >= 40) {
    return 'fair';
  }
  return 'weak';
}

/**
 * A random UUID (version 4), made once per logical save so retries are recognised by the service.
 * Apex accepts the key only as a UUID, so the fallback for browsers without crypto.randomUUID builds one too.
 */
export function newIdempotencyKey() {
  const cryptoApi = globalThis.crypto;
  if (cryptoApi && typeof cryptoApi.randomUUID === 'function') {
    return cryptoApi.randomUUID();
  }
  const bytes = new Uint8Array(16);
  if (cryptoApi && typeof cryptoApi.getRandomValues === 'function') {
    cryptoApi.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i++) {
      bytes[i] = Math.floor(Math.random() * 256);
    }
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** JSON.parse for the strings Apex returns; an empty answer is null. */
export function parseJson(text) {
  if (text === null || text === undefined || text === '') {
    return null;
  }
  return typeof text === 'string' ? JSON.parse(text) : text;
}

/**
 * Splits `text` into plain and marked segments for the given evidence spans ({start, end, effect}).
 * Spans that fall outside the text, or overlap an earlier one, are skipped rather than guessed at.
 */
export function highlightSegments(text, spans) {
  const source = text ?? '';
  const ordered = (spans ?? [])
    .filter(
      (s) =>
        Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end && s.end <= source.length,
    )
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments = [];
  let cursor = 0;
  for (const span of ordered) {
    if (span.start < cursor) {
      continue;
    }
    if (span.start > cursor) {
      segments.push({ key: `t${cursor}`, text: source.slice(cursor, span.start), marked: false });
    }
    segments.push({
      key: `m${span.start}`,
      text: source.slice(span.start, span.end),
      marked: true,
      effect: span.effect,
      className: `uan-mark uan-mark_${span.effect === 'lowered' ? 'lowered' : 'raised'}`,
    });
    cursor = span.end;
  }
  if (cursor < source.length) {
    segments.push({ key: `t${cursor}`, text: source.slice(cursor), marked: false });
  }
  return segments;
}

/** A stable, URL-safe key from a title: "Price transparency!" -> "price-transparency". */
export function slugify(text, maxLength = 60) {
  return String(text ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

/**
 * A prompt key: lowercase letters, digits and hyphens, starting with a letter or digit. Written for
 * an input's `pattern` attribute, which browsers compile with the `v` flag (where a bare "-" in a
 * class is a syntax error and the pattern is silently ignored) or `u` or no flag: valid in all three.
 */
export const PROMPT_KEY_PATTERN = '[a-z0-9][a-z0-9\\-]{0,99}';

const PROMPT_KEY = new RegExp(`^(?:${PROMPT_KEY_PATTERN})$`);

/** true for a well-formed prompt key (the same rule as the pattern, for code and older browsers). */
export function isPromptKey(key) {
  return typeof key === 'string' && PROMPT_KEY.test(key);
}

/** Picklist options where label and value are the same string. */
export function options(values) {
  return (values ?? []).map((value) => ({ label: value, value }));
}

const STATUS_LABELS = { draft: LABEL_DRAFT, published: LABEL_PUBLISHED, retired: LABEL_RETIRED };

/** The user-facing name of a prompt set version's status. */
export function statusLabel(status) {
  return STATUS_LABELS[status] ?? status ?? '';
}
