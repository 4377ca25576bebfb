// Opaque keyset-paging cursors: the sort key of the last item, base64url-encoded JSON. A cursor is
// checked against the shape of the key it stands for before it reaches a query, so a forged one
// that decodes is a 400 like any other bad input.
import { z, type ZodType } from 'zod';
import { badRequest } from './errors';

export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor<T>(cursor: string, shape: z.ZodType<T>): T {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  const parsed = shape.safeParse(values);
  if (parsed.success) return parsed.data;
  throw badRequest('cursor is not one this service issued', [{ path: 'cursor', message: 'invalid cursor' }]);
}

/** A page of a list as the API answers it, for the OpenAPI document. */
export const pageOf = <T extends ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
