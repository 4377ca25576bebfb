// Reads every free-text field of a note once and turns it into clauses with their facts; clauses
// repeated word for word anywhere in the note are marked so that repetition earns nothing.
import { clauseSignature, readClause, type Clause } from './clause-facts';
import { splitClauses } from './clauses';
import { usableNextStepDate } from './dates';
import { readText } from './read-text';
import type { ScoringInput, ScoringPrompt, TextField } from './types';

export interface NoteReading {
  input: ScoringInput;
  clauses: Clause[];
  /** clauses per field, in text order */
  byField: Map<TextField, Clause[]>;
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

export function readNote(input: ScoringInput): NoteReading {
  const clauses: Clause[] = [];
  const byField = new Map<TextField, Clause[]>();
  const seen = new Set<string>();
  for (const [field, text] of fieldTexts(input)) {
    const table = readText(text);
    const fieldClauses = splitClauses(table).map((range) => readClause(table, range, field));
    for (const clause of fieldClauses) {
      const signature = clauseSignature(clause);
      // short clauses ("New to them.") may legitimately recur; repeating a real sentence earns nothing
      clause.repeated = clause.words >= 4 && seen.has(signature);
      seen.add(signature);
    }
    byField.set(field, fieldClauses);
    clauses.push(...fieldClauses);
  }
  return {
    input,
    clauses,
    byField,
    hasUsableNextStepDate: usableNextStepDate(input.nextStepDate, input.occurredAt),
  };
}

/** Clauses that can earn points: not repeated, not stuffed, not filler. */
export function isCountable(clause: Clause): boolean {
  return !clause.repeated && !clause.stuffed && !clause.filler;
}
