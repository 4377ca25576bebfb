import { z } from 'zod';
import { calendarDay } from '../../platform/lib/calendar-day';
import { DEAL_SIZES, PHASES } from '../settings';
import { FILE_FORMAT } from './prompt-file';
import { opportunityContextSchema } from '../opportunities';

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const picklist = z.array(z.string().trim().min(1).max(255)).max(100).default([]);
const amount = z.number().finite().min(0).max(1e15).nullable().default(null);

export const targetingSchema = z.strictObject({
  industries: picklist,
  phases: z.array(z.enum(PHASES)).max(3).default([]),
  stages: picklist,
  amountMin: amount,
  amountMax: amount,
  sizes: z.array(z.enum(DEAL_SIZES)).max(3).default([]),
  recordTypes: picklist,
});

export const promptSchema = z.strictObject({
  key: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]{0,99}$/,
      'must be lowercase letters, digits and dashes (a stable id for the prompt)',
    ),
  title: text(120),
  provocation: text(2000),
  followUp: text(1000),
  rationale: text(4000),
  source: text(1000),
  expiresOn: calendarDay.nullable().default(null),
  targeting: targetingSchema.default({
    industries: [],
    phases: [],
    stages: [],
    amountMin: null,
    amountMax: null,
    sizes: [],
    recordTypes: [],
  }),
});

/** Prompts a version holds at most. */
export const MAX_PROMPTS_PER_VERSION = 1000;

const prompts = z.array(promptSchema).max(MAX_PROMPTS_PER_VERSION);

export const newPromptSetSchema = z.strictObject({
  name: text(200),
  description: z.string().max(2000).default(''),
  prompts: prompts.default([]),
});

export const draftSchema = z.strictObject({
  name: text(200).optional(),
  description: z.string().max(2000).optional(),
  prompts,
});

/** An exported JSON file, as sales ops import it back. */
export const promptSetFileSchema = z.strictObject({
  format: z.literal(FILE_FORMAT).optional(),
  name: text(200),
  description: z.string().max(2000).default(''),
  prompts,
});

export const versionParamsSchema = z.strictObject({
  setId: z.uuid('must be a prompt set id (UUID)'),
  version: z.coerce.number().int().min(1).max(100000),
});

export const setParamsSchema = z.strictObject({ setId: z.uuid('must be a prompt set id (UUID)') });

export const exportQuerySchema = z.strictObject({ format: z.enum(['json', 'csv']).default('json') });

export const importQuerySchema = z.strictObject({
  format: z.enum(['json', 'csv']).default('json'),
  setId: z.uuid().optional(),
});

export const previewSchema = z.strictObject({ opportunity: opportunityContextSchema });

export const promotionSchema = z.strictObject({
  kind: z.enum(['adhoc', 'redirected']),
  text: text(2000),
});
