// Salesforce record Ids: 15 case-sensitive characters, or 18 with a case-insensitive suffix that
// encodes which of the first 15 are upper case. The API accepts either form wherever an Id goes.

const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

function suffixOf(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15[chunk * 5 + i]!;
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX[bits];
  }
  return suffix;
}

/** The 18-character form of a 15- or 18-character Id, or undefined when it is no valid Id. */
export function toId18(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-5]{3})?$/.test(value)) return undefined;
  const id15 = value.slice(0, 15);
  const suffix = suffixOf(id15);
  if (value.length === 18 && value.slice(15).toUpperCase() !== suffix) return undefined;
  return id15 + suffix;
}

/** A new 18-character Id with the object's key prefix. */
export function newId(prefix: string, serial: number): string {
  const id15 = `${prefix}${String(serial).padStart(12, '0')}`;
  return id15 + suffixOf(id15);
}
