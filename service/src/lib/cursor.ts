// Opaque keyset-paging cursors: the sort key of the last item, base64url-encoded JSON.
import { badRequest } from './errors';

export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return values as (string | number)[];
    }
  } catch {
    // falls through to the error below
  }
  throw badRequest('cursor is not one this service issued', [{ path: 'cursor', message: 'invalid cursor' }]);
}
