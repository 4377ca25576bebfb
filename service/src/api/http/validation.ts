// zod at the edge: parse a request part or answer 400 naming each offending field.
import type { z } from 'zod';
import { badRequest } from '../../lib/errors';

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.slice(0, 20).map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const first = details[0]!;
  throw badRequest(`invalid ${where}: ${first.path} ${first.message}`, details);
}
