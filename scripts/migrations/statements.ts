// Frozen SQL fixtures hold one statement after another; a line of its own separates them, since
// function bodies contain semicolons.
export const STATEMENT_SEPARATOR = '-- statement --';

export function splitStatements(text: string): string[] {
  return text
    .split(`\n${STATEMENT_SEPARATOR}\n`)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
