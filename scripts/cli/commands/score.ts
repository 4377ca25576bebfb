// `upatnight score [FILE]`: scores JSONL notes from FILE or standard input, one JSON line out per note.
// A bad line gets an error line naming its number and the problem; the other lines still score.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { z } from 'zod';
import { REACTIONS } from '../../../service/src/features/notes';
import { optionalText } from '../../../service/src/platform/lib/blank-fields';
import { assessNote, type NoteAssessment, type ScoringInput } from '../../../service/src/features/scoring';

const isoDate = z.iso.date('must be a date as YYYY-MM-DD');

// Blank strings and nulls mean "not given", as in the API: exports from forms and Apex carry them.
const notePromptSchema = z.strictObject({
  promptId: optionalText(z.string().optional()),
  text: optionalText(z.string().optional()),
  reaction: optionalText(z.enum(REACTIONS).optional()),
});

const noteLineSchema = z.strictObject({
  id: z.union([z.string(), z.number()]).optional(),
  opportunityId: z.string().optional(),
  summary: z.string({ error: 'is required (a string)' }).trim().min(1, 'must not be empty'),
  customerView: optionalText(z.string().optional()),
  ideas: optionalText(z.string().optional()),
  nextStep: optionalText(z.string().optional()),
  nextStepDate: optionalText(isoDate.optional()),
  occurredAt: optionalText(isoDate.optional()),
  prompts: z
    .array(notePromptSchema)
    .nullish()
    .transform((prompts) => prompts ?? []),
});

type NoteLine = z.infer<typeof noteLineSchema>;

export type ScoreLineOutput =
  | ({ id: string | number | null } & Omit<NoteAssessment, 'scorerVersion' | 'weights'>)
  | { line: number; error: string };

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'note'}: ${issue.message}`)
    .join('; ');
}

/** A prompt picked from a prompt set (it has an id) counts as a library prompt. */
function toScoringInput(note: NoteLine): ScoringInput {
  return {
    summary: note.summary,
    customerView: note.customerView,
    ideas: note.ideas,
    nextStep: note.nextStep,
    nextStepDate: note.nextStepDate,
    occurredAt: note.occurredAt,
    prompts: note.prompts.map((prompt) => ({
      fromLibrary: prompt.promptId !== undefined,
      text: prompt.text,
      reaction: prompt.reaction,
    })),
  };
}

export function scoreLine(text: string, line: number): ScoreLineOutput {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { line, error: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const result = noteLineSchema.safeParse(parsed);
  if (!result.success) return { line, error: describeIssues(result.error) };
  const {
    scorerVersion: _version,
    weights: _weights,
    ...assessment
  } = assessNote(toScoringInput(result.data));
  return { id: result.data.id ?? null, ...assessment };
}

/** Scores every non-blank line; resolves to the number of lines that failed. */
export async function scoreStream(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<number> {
  let failed = 0;
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    const result = scoreLine(text, line);
    if ('error' in result) failed++;
    output.write(`${JSON.stringify(result)}\n`);
  }
  return failed;
}

export function registerScore(program: Command): void {
  program
    .command('score')
    .description('score JSONL notes from FILE or standard input; one JSON line out per note')
    .argument('[file]', 'JSONL file of notes (default: standard input)')
    .action(async (file?: string) => {
      const input = file ? createReadStream(file) : process.stdin;
      const failed = await scoreStream(input, process.stdout);
      if (failed > 0) process.exitCode = 1;
    });
}
