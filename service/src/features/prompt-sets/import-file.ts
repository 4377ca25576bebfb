// An imported prompt file, checked whole: every problem of every prompt, each named where the person
// who sent the file looks for it (a CSV line and column; a JSON prompt's position, key and field).
import { z } from 'zod';
import { badRequest, type ErrorDetail } from '../../platform/lib/errors';
import { parseOrThrow } from '../../platform/lib/validation';
import { MAX_PROMPTS_PER_VERSION, promptSchema, promptSetFileSchema } from './contracts';
import { promptProblems, type PromptContent } from './prompt-content';
import { readCsvRows } from './prompt-file';
import type { PromptSetDraft } from './prompt-sets';

/** A file as the import route receives it: CSV text, or a parsed JSON body. */
export interface ImportedFile {
  format: 'json' | 'csv';
  content: unknown;
  /** The set's name when a CSV file carries none (default: "Imported" and the day). */
  fallbackName?: string;
}

// a file of the maximum size with a problem in every field still gets a bounded answer
const MAX_DETAILS = 2000;

interface Located {
  /** Where the prompt list sits in the request, for `path`. */
  where: string;
  /** What a detail about prompt `index`, field `field` says about its place. */
  place: (index: number, field: string) => Partial<ErrorDetail>;
}

const keyOf = (row: unknown) => {
  const key = (row as { key?: unknown } | null)?.key;
  return typeof key === 'string' && key !== '' ? key : undefined;
};

/** Each prompt parsed on its own, so one bad prompt does not hide another's problems. */
function checkEach(rows: unknown[], located: Located): { prompts: PromptContent[]; details: ErrorDetail[] } {
  const details: ErrorDetail[] = [];
  const prompts: PromptContent[] = [];
  const detail = (index: number, field: string, message: string): ErrorDetail => ({
    path: [located.where, index, field].filter((part) => part !== '').join('.'),
    message,
    key: keyOf(rows[index]),
    ...located.place(index, field),
  });
  rows.forEach((row, index) => {
    const parsed = promptSchema.safeParse(row);
    if (parsed.success) prompts.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        details.push(detail(index, issue.path.join('.'), issue.message));
  });
  // duplicate keys and merge fields only make sense once every prompt reads
  if (details.length === 0) {
    for (const problem of promptProblems(prompts)) {
      const [index, ...field] = problem.path.split('.');
      details.push(detail(Number(index), field.join('.'), problem.message));
    }
  }
  return { prompts, details };
}

/** A JSON field's CSV column: the targeting lists and amounts have columns of their own. */
const columnOf = (field: string) => field.replace(/^targeting\./, '').split('.')[0] ?? '';

// the message lists problems one a line (Apex passes only the message on to the component)
const MESSAGE_LINES = 50;

/** One problem as a person reads it: where in the file, which prompt, what is wrong. */
function describe(d: ErrorDetail): string {
  const key = d.key === undefined ? '' : ` (key "${d.key}")`;
  if (d.line !== undefined) return `line ${d.line}, column ${d.column}${key}: ${d.message}`;
  if (d.prompt !== undefined) return `prompt ${d.prompt}${key}, field ${d.field}: ${d.message}`;
  return `field ${d.field ?? d.path}: ${d.message}`;
}

function fail(details: ErrorDetail[]): never {
  const listed = details.slice(0, MESSAGE_LINES).map(describe);
  const more = details.length > listed.length ? [`…and ${details.length - listed.length} more`] : [];
  throw badRequest(
    [`the file has ${details.length} problem(s) to fix:`, ...listed, ...more].join('\n'),
    details.slice(0, MAX_DETAILS),
  );
}

function readCsv(content: unknown, fallbackName?: string): PromptSetDraft {
  if (typeof content !== 'string') {
    throw badRequest('send the CSV file as the body with Content-Type: text/csv', [], 'invalid_csv');
  }
  const { rows, lines, setName } = readCsvRows(content);
  parseOrThrow(z.unknown(), rows, 'csv.rows');
  const { prompts, details } = checkEach(rows, {
    where: 'csv.rows',
    place: (index, field) => ({ line: lines[index], column: columnOf(field) }),
  });
  if (details.length > 0) fail(details);
  return {
    name: setName ?? fallbackName ?? `Imported ${new Date().toISOString().slice(0, 10)}`,
    description: 'Imported from CSV',
    prompts,
  };
}

const fileFields = promptSetFileSchema.extend({ prompts: z.unknown() });

function readJson(content: unknown): PromptSetDraft {
  // text Postgres cannot store is refused first, with the same answer as any other body
  const body = (parseOrThrow(z.unknown(), content, 'body') ?? {}) as { prompts?: unknown };
  const header = fileFields.safeParse(body);
  const rows = body.prompts;
  const details: ErrorDetail[] = header.success
    ? []
    : header.error.issues.map((issue) => ({
        path: ['body', ...issue.path.map(String)].join('.'),
        message: issue.message,
        field: issue.path.join('.'),
      }));
  if (!Array.isArray(rows)) {
    details.push({ path: 'body.prompts', message: 'must be a list of prompts', field: 'prompts' });
  } else if (rows.length > MAX_PROMPTS_PER_VERSION) {
    details.push({
      path: 'body.prompts',
      message: `must hold at most ${MAX_PROMPTS_PER_VERSION} prompts`,
      field: 'prompts',
    });
  }
  const checked =
    details.length === 0
      ? checkEach(rows as unknown[], {
          where: 'body.prompts',
          place: (index, field) => ({ prompt: index + 1, field }),
        })
      : { prompts: [], details: [] };
  details.push(...checked.details);
  if (details.length > 0) fail(details);
  const { name, description } = header.data!;
  return { name, description, prompts: checked.prompts };
}

/** The set a file describes, or a 400 listing every problem in it. */
export function readImportFile(file: ImportedFile): PromptSetDraft {
  return file.format === 'csv' ? readCsv(file.content, file.fallbackName) : readJson(file.content);
}
