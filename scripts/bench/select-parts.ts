// Which bench parts `--only` names: one part or a comma list, in the order given.
export function selectParts(only: string | undefined, names: string[]): string[] {
  if (only === undefined) return names;
  const asked = only
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = asked.filter((name) => !names.includes(name));
  if (asked.length === 0 || unknown.length > 0) {
    throw new Error(
      `unknown bench part "${unknown.join(', ') || only}"; choose from: ${names.join(', ')} (or a comma list)`,
    );
  }
  return [...new Set(asked)];
}
