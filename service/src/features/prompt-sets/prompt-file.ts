// Prompt set files for sales ops: JSON (lossless) and CSV (one prompt a row, list cells joined by
// "; ") so a spreadsheet round-trip keeps everything. Text and list cells never start a formula.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { badRequest } from '../../platform/lib/errors';
import { fromSpreadsheetText, toSpreadsheetText } from '../../platform/lib/spreadsheet-cell';
import type { PromptContent } from './prompt-content';
import { promptContent } from './prompt-content';

export const FILE_FORMAT = 'upatnight.prompt-set/v1';

export const CSV_COLUMNS = [
  'key',
  'title',
  'provocation',
  'followUp',
  'rationale',
  'source',
  'expiresOn',
  'industries',
  'phases',
  'stages',
  'amountMin',
  'amountMax',
  'recordTypes',
  'sizes',
] as const;

/** The set's name, repeated on every row so a CSV round trip keeps it; files without it still read. */
export const SET_NAME_COLUMN = 'setName';

// files exported before prompts targeted deal sizes have no sizes column
const OPTIONAL_CSV_COLUMNS: ReadonlySet<string> = new Set(['sizes']);

const LIST_SEPARATOR = ';';

export interface PromptSetFile {
  format: typeof FILE_FORMAT;
  name: string;
  description: string;
  prompts: PromptContent[];
}

export function toJsonFile(set: { name: string; description: string; prompts: PromptContent[] }): string {
  const file: PromptSetFile = {
    format: FILE_FORMAT,
    name: set.name,
    description: set.description,
    prompts: set.prompts.map(promptContent),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const joinList = (items: string[]) => toSpreadsheetText(items.join(`${LIST_SEPARATOR} `));

export function toCsvFile(prompts: PromptContent[], setName?: string): string {
  const rows = prompts.map((p) => ({
    key: toSpreadsheetText(p.key),
    title: toSpreadsheetText(p.title),
    provocation: toSpreadsheetText(p.provocation),
    followUp: toSpreadsheetText(p.followUp),
    rationale: toSpreadsheetText(p.rationale),
    source: toSpreadsheetText(p.source),
    expiresOn: p.expiresOn ?? '',
    industries: joinList(p.targeting.industries),
    phases: joinList(p.targeting.phases),
    stages: joinList(p.targeting.stages),
    amountMin: p.targeting.amountMin ?? '',
    amountMax: p.targeting.amountMax ?? '',
    recordTypes: joinList(p.targeting.recordTypes),
    sizes: joinList(p.targeting.sizes ?? []),
    [SET_NAME_COLUMN]: setName === undefined ? '' : toSpreadsheetText(setName),
  }));
  const columns = setName === undefined ? [...CSV_COLUMNS] : [...CSV_COLUMNS, SET_NAME_COLUMN];
  return stringify(rows, { header: true, columns, bom: false });
}

const cellText = (cell: string | undefined) => (cell === undefined ? undefined : fromSpreadsheetText(cell));

const splitList = (cell: string) =>
  fromSpreadsheetText(cell)
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter(Boolean);

const numberOrNull = (cell: string) => (cell.trim() === '' ? null : Number(cell));

export interface CsvRows {
  /** One prompt object a row, its cells unvalidated. */
  rows: unknown[];
  /** The file line each row starts on (a quoted cell can span lines). */
  lines: number[];
  /** The set name the file carries, if any. */
  setName: string | undefined;
}

interface RecordInfo {
  lines: number;
  empty_lines: number;
}

/**
 * Reads a CSV export back into prompt objects. Cell values are not validated here (the API's
 * schema does that, naming the line); this only checks the file's shape.
 */
export function readCsvRows(text: string): CsvRows {
  let records: Array<{ record: Record<string, string>; info: RecordInfo }>;
  try {
    records = parse(text, {
      columns: true,
      skip_empty_lines: true,
      bom: true,
      trim: false,
      info: true,
    }) as typeof records;
  } catch (error) {
    throw badRequest(`the CSV file could not be read: ${(error as Error).message}`, [], 'invalid_csv');
  }
  const header = records.length > 0 ? Object.keys(records[0]!.record) : [];
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c) && !OPTIONAL_CSV_COLUMNS.has(c));
  if (records.length > 0 && missing.length > 0) {
    throw badRequest(
      `the CSV file lacks the column(s) ${missing.join(', ')}`,
      missing.map((c) => ({ path: `header.${c}`, message: 'missing column', line: 1, column: c })),
      'invalid_csv',
    );
  }
  // csv-parse reports the line a record ends on; it starts after the previous one and any blank lines
  let previous: RecordInfo = { lines: 1, empty_lines: 0 };
  const lines = records.map(({ info }) => {
    const start = previous.lines + 1 + (info.empty_lines - previous.empty_lines);
    previous = info;
    return start;
  });
  const named = records.map(({ record }) => cellText(record[SET_NAME_COLUMN])?.trim()).find(Boolean);
  return { rows: records.map(({ record }) => promptOfRow(record)), lines, setName: named };
}

/** The rows of a CSV file as prompt objects (see readCsvRows). */
export const fromCsvFile = (text: string): unknown[] => readCsvRows(text).rows;

function promptOfRow(r: Record<string, string>): unknown {
  return {
    key: cellText(r.key),
    title: cellText(r.title),
    provocation: cellText(r.provocation),
    followUp: cellText(r.followUp),
    rationale: cellText(r.rationale),
    source: cellText(r.source),
    expiresOn: r.expiresOn?.trim() ? r.expiresOn.trim() : null,
    targeting: {
      industries: splitList(r.industries ?? ''),
      phases: splitList(r.phases ?? ''),
      stages: splitList(r.stages ?? ''),
      amountMin: numberOrNull(r.amountMin ?? ''),
      amountMax: numberOrNull(r.amountMax ?? ''),
      recordTypes: splitList(r.recordTypes ?? ''),
      sizes: splitList(r.sizes ?? ''),
    },
  };
}
