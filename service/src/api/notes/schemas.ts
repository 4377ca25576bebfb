import { z } from 'zod';
import { calendarDay } from '../http/calendar-day';
import { REACTIONS } from '../../domain/notes/note';
import { opportunityContextSchema, salesforceId } from '../opportunities/schemas';

const longText = (max: number) => z.string().max(max, `must be at most ${max} characters`);

const notePromptSchema = z
  .strictObject({
    promptId: z.uuid().optional(),
    text: longText(2000).trim().min(1, 'must not be empty').optional(),
    reaction: z.enum(REACTIONS).optional(),
  })
  .refine((p) => (p.promptId === undefined) !== (p.text === undefined), {
    message: 'give either promptId (a prompt from a set) or text (your own provocation), not both',
  });

const noteContentShape = {
  occurredAt: calendarDay.optional(),
  prompts: z.array(notePromptSchema).max(20).default([]),
  summary: longText(10000).trim().min(1, 'is required: what was discussed'),
  customerView: longText(10000).optional(),
  ideas: longText(10000).optional(),
  nextStep: longText(2000).optional(),
  nextStepDate: calendarDay.optional(),
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
    customerView: noteContentShape.customerView.nullable(),
    ideas: noteContentShape.ideas.nullable(),
    nextStep: noteContentShape.nextStep.nullable(),
    nextStepDate: noteContentShape.nextStepDate.nullable(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'name at least one field to change' });

export const noteIdSchema = z.uuid('must be a note id (UUID)');
