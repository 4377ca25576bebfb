// Forms send "" for an empty field and Apex's JSON.serialize sends null for an unset one: both mean
// "not given". Only a wrong type or a malformed value is an error, and that error still comes from
// the field's own schema so it names what is wrong.
import { z } from 'zod';

type Accepts<I> = z.ZodType<unknown, I>;

const isBlank = (value: string | null | undefined): boolean =>
  value === undefined || value === null || value.trim() === '';

/** An optional string field where "", whitespace and null mean absent. */
export function optionalText<S extends Accepts<string | undefined>>(schema: S) {
  return z
    .union([z.string(), z.null()])
    .optional()
    .transform((value) => (isBlank(value) ? undefined : value!))
    .pipe(schema);
}

/** A string field of a partial update where "", whitespace and null clear the stored value. */
export function clearableText<S extends Accepts<string>>(schema: S) {
  return z
    .union([z.string(), z.null()])
    .optional()
    .transform((value) => (value === undefined ? undefined : isBlank(value) ? null : value))
    .pipe(z.union([z.undefined(), z.null(), schema]));
}

/** An optional number field where null means absent. */
export function optionalNumber<S extends Accepts<number>>(schema: S) {
  return z
    .union([z.number(), z.null()], { error: 'must be a number' })
    .optional()
    .transform((value) => (value === null ? undefined : value))
    .pipe(z.union([z.undefined(), schema]));
}

/** An optional true/false field where null means absent. */
export const optionalBoolean = () =>
  z
    .union([z.boolean(), z.null()], { error: 'must be true or false' })
    .optional()
    .transform((value) => (value === null ? undefined : value));
