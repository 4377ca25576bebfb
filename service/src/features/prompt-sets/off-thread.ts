// Reading an imported file and writing an export run on the worker pool when they are large: checking
// a 1,000-prompt file, or writing it as CSV, holds a thread for tens of milliseconds.
import { defineTask, workerPool } from '../../platform/worker-pool';
import { readImportFile, type ImportedFile } from './import-file';
import { toCsvFile, toJsonFile } from './prompt-file';
import type { PromptSetDraft } from './prompt-sets';

/** Prompts a file may carry and still be handled inline. */
const INLINE_PROMPTS = 100;
/** The same for a CSV file, in characters. */
const INLINE_CSV_CHARS = 50_000;

type ExportedSet = Parameters<typeof toJsonFile>[0];

/** Runs on a pool thread (and inline for small sets): the file a version exports as. */
export function exportFile({ format, set }: { format: 'csv' | 'json'; set: ExportedSet }): string {
  return format === 'csv' ? toCsvFile(set.prompts, set.name) : toJsonFile(set);
}

// loaded through the feature's index: it orders the feature cycles so that every constant is ready
const READ_IMPORT_FILE = defineTask<typeof readImportFile>(__dirname, 'index', 'readImportFile');
const EXPORT_FILE = defineTask<typeof exportFile>(__dirname, 'index', 'exportFile');

const isLarge = ({ content }: ImportedFile) => {
  if (typeof content === 'string') return content.length > INLINE_CSV_CHARS;
  const prompts = (content as { prompts?: unknown } | null)?.prompts;
  return Array.isArray(prompts) && prompts.length > INLINE_PROMPTS;
};

/** The set an imported file describes, or a 400 listing every problem in it. */
export async function readImportFileOffThread(tenantId: string, file: ImportedFile): Promise<PromptSetDraft> {
  return isLarge(file) ? workerPool().run(tenantId, READ_IMPORT_FILE, file) : readImportFile(file);
}

/** A version's export file. */
export async function exportFileOffThread(tenantId: string, format: 'csv' | 'json', set: ExportedSet) {
  const exported = { format, set: { name: set.name, description: set.description, prompts: set.prompts } };
  return set.prompts.length > INLINE_PROMPTS
    ? workerPool().run(tenantId, EXPORT_FILE, exported)
    : exportFile(exported);
}
