import { z } from 'zod';
import { calendarDay } from '../../platform/lib/calendar-day';
import { REACTIONS } from './note';
import { clearableText, optionalText } from '../../platform/lib/blank-fields';
import { opportunityContextSchema, salesforceId } from '../opportunities';

const longText = (max: number) => z.string().max(max, `must be at most ${max} characters`);

const notePromptSchema = z
  .strictObject({
    promptId: optionalText(z.uuid().optional()),
    text: optionalText(longText(2000).trim().optional()),
    reaction: optionalText(z.enum(REACTIONS).optional()),
  })
  .refine((p) => (p.promptId === undefined) !== (p.text === undefined), {
    message: 'give either promptId (a prompt from a set) or text (your own provocation), not both',
  });

// a calendar date in the years every part of the stack reads alike
const isoDate = calendarDay;

// Every field but the summary is optional, and a blank or null one is simply not given.
const noteContentShape = {
  occurredAt: optionalText(isoDate.optional()),
  prompts: z
    .array(notePromptSchema)
    .max(20)
    .nullish()
    .transform((prompts) => prompts ?? []),
  summary: longText(10000).trim().min(1, 'is required: what was discussed'),
  customerView: optionalText(longText(10000).optional()),
  ideas: optionalText(longText(10000).optional()),
  nextStep: optionalText(longText(2000).optional()),
  nextStepDate: optionalText(isoDate.optional()),
};

export const noteDraftSchema = z.strictObject({
  ...noteContentShape,
  opportunityId: salesforceId.optional(),
  opportunity: opportunityContextSchema.optional(),
});

export const newNoteSchema = z.strictObject({
  ...noteContentShape,
  opportunityId: salesforceId,
  opportunity: opportunityContextSchema.optional(),
});

export const notePatchSchema = z
  .strictObject({
    occurredAt: noteContentShape.occurredAt,
    prompts: z.array(notePromptSchema).max(20).optional(),
    summary: noteContentShape.summary.optional(),
    customerView: clearableText(longText(10000)),
    ideas: clearableText(longText(10000)),
    nextStep: clearableText(longText(2000)),
    nextStepDate: clearableText(isoDate),
  })
  .transform((patch) => dropUndefined(patch))
  .refine((patch) => Object.keys(patch).length > 0, { message: 'name at least one field to change' });

/** Only the fields the caller named: a key that is present means "change this". */
function dropUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export const noteIdSchema = z.uuid('must be a note id (UUID)');

/** A change may name the deal its note is on (the Salesforce package does, once the user's access to it is checked). */
export const noteChangeQuerySchema = z.object({ opportunityId: salesforceId.optional() });
