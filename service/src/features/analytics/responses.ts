// What the analytics routes answer, for the OpenAPI document (the request side is contracts.ts).
import { z } from 'zod';
import { BUCKETS } from './buckets';
import { BAND_NAMES } from './score-bands';

const nullableText = z.string().nullable();
const quality = z.object({
  noteCount: z.number().int(),
  scoredCount: z.number().int(),
  /** per score key, null when nothing in the group is scored */
  averages: z.record(z.string(), z.number().nullable()),
});

export const dashboardResponse = z.object({
  range: z.object({
    from: z.string(),
    to: z.string(),
    bucket: z.enum(BUCKETS),
    all: z.literal(true).optional(),
    firstNote: z.string().nullable().optional(),
  }),
  team: quality,
  reps: z.array(quality.extend({ repId: z.string(), name: nullableText })),
  repCount: z.number().int(),
  series: z.array(quality.extend({ bucket: z.string() })),
  coverage: z.object({
    days: z.number().int(),
    since: z.string(),
    open: z.number().int(),
    covered: z.number().int(),
    share: z.number().nullable(),
    byStage: z.array(z.object({ stage: nullableText, open: z.number().int(), covered: z.number().int() })),
    uncovered: z.array(
      z.object({
        id: z.string(),
        name: nullableText,
        stage: nullableText,
        amount: z.number().nullable(),
        accountName: nullableText,
      }),
    ),
    uncoveredCount: z.number().int(),
  }),
  scoreBands: z.array(
    z.object({
      band: z.enum(BAND_NAMES),
      winRate: z.number().nullable(),
      won: z.number().int(),
      closed: z.number().int(),
      low: z.number().nullable(),
      high: z.number().nullable(),
    }),
  ),
  scoring: z.object({
    scorerVersion: z.string(),
    outdatedScores: z.boolean(),
    rescore: z
      .object({ id: z.string(), status: z.string(), done: z.number().int(), total: z.number().int() })
      .nullable(),
    mixed: z.boolean(),
  }),
});

export const accountProvocationsResponse = z.object({
  accountName: z.string().optional(),
  accountId: z.string().optional(),
  items: z.array(
    z.object({
      noteId: z.string(),
      opportunityId: z.string(),
      opportunityName: nullableText,
      occurredAt: z.string(),
      authorId: z.string(),
      authorName: nullableText,
      promptKey: nullableText,
      title: nullableText,
      text: nullableText,
      reaction: nullableText,
    }),
  ),
  nextCursor: z.null(),
});
