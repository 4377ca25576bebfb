// Reads every free-text field of a note once and turns it into clauses with their facts; clauses
// repeated word for word anywhere in the note are marked so that repetition earns nothing.
import { readClause, sameWords, type Clause } from './clause-facts';
import { splitClauses } from './clauses';
import { usableNextStepDate } from './dates';
import { isEmptyTalk } from './empty-talk';
import { readFields } from './read-text';
import { splitStatements } from './subject-break';
import type { ScoringInput, ScoringPrompt, TextField } from './types';

export interface NoteReading {
  input: ScoringInput;
  clauses: Clause[];
  /** clauses per field, in text order */
  byField: Map<TextField, Clause[]>;
  /** the clauses with run-on ones split into their statements (subject-break.ts), in text order */
  statements: Clause[];
  hasUsableNextStepDate: boolean;
}

const NOTE_FIELDS = ['summary', 'customerView', 'ideas', 'nextStep'] as const;

export function promptTextField(index: number): TextField {
  return `prompts.${index}.text`;
}

function fieldTexts(input: ScoringInput): Array<[TextField, string]> {
  const texts: Array<[TextField, string]> = [];
  for (const field of NOTE_FIELDS) {
    const text = input[field];
    if (text && text.trim()) texts.push([field, text]);
  }
  input.prompts.forEach((prompt: ScoringPrompt, index) => {
    if (!prompt.fromLibrary && prompt.text && prompt.text.trim())
      texts.push([promptTextField(index), prompt.text]);
  });
  return texts;
}

/** true when an earlier clause of the note has the same words */
function repeatsEarlier(clause: Clause, earlier: Map<number, Clause[]>): boolean {
  const candidates = earlier.get(clause.signature);
  if (candidates === undefined) {
    earlier.set(clause.signature, [clause]);
    return false;
  }
  for (const candidate of candidates) if (sameWords(candidate, clause)) return true;
  candidates.push(clause);
  return false;
}

export function readNote(input: ScoringInput): NoteReading {
  const fields = fieldTexts(input);
  const clauses: Clause[] = [];
  const statements: Clause[] = [];
  const byField = new Map<TextField, Clause[]>();
  const earlier = new Map<number, Clause[]>();
  if (fields.length > 0) {
    const table = readFields(fields.map(([, text]) => text));
    let fieldIndex = 0;
    for (const range of splitClauses(table)) {
      // clauses come in text order and never cross a field (the field separator ends every clause)
      while (fieldIndex + 1 < fields.length && range.from >= table.tokenFrom[fieldIndex + 1]!) fieldIndex++;
      const field = fields[fieldIndex]![0];
      const clause = readClause(table, range, field, fieldIndex);
      // rubric words and buzzwords without a sentence behind them game every dimension alike
      clause.stuffed ||= isEmptyTalk(clause);
      const repeats = repeatsEarlier(clause, earlier);
      // short clauses ("New to them.") may legitimately recur; repeating a real sentence earns nothing
      clause.repeated = clause.words >= 4 && repeats;
      let fieldClauses = byField.get(field);
      if (fieldClauses === undefined) byField.set(field, (fieldClauses = []));
      fieldClauses.push(clause);
      clauses.push(clause);
      const parts = splitStatements(table, range);
      if (parts.length === 1) statements.push(clause);
      else
        for (const part of parts) {
          const statement = readClause(table, part, field, fieldIndex, true);
          statement.repeated = clause.repeated;
          statements.push(statement);
        }
    }
  }
  for (const [field] of fields) if (!byField.has(field)) byField.set(field, []);
  return {
    input,
    clauses,
    byField,
    statements,
    hasUsableNextStepDate: usableNextStepDate(input.nextStepDate, input.occurredAt),
  };
}

/** Clauses that can earn points: not repeated, not stuffed, not filler. */
export function isCountable(clause: Clause): boolean {
  return !clause.repeated && !clause.stuffed && !clause.filler;
}
