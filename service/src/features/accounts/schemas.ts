import { z } from 'zod';
import { clearableText } from '../../platform/lib/blank-fields';
import { salesforceId } from '../opportunities';

export const accountIdSchema = salesforceId;

/** `<note id>.<position>`, as the inside view gives it */
export const entryIdSchema = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[1-9][0-9]{0,2}$/,
    'must be an inside-view entry id',
  );

export const entryChangeSchema = z
  .strictObject({
    outdated: z.boolean().optional(),
    correction: clearableText(z.string().trim().min(1).max(2000)),
  })
  .refine((change) => change.outdated !== undefined || change.correction !== undefined, {
    message: 'give outdated, correction, or both',
  });
