import { z } from 'zod';
import { BUCKETS } from './buckets';
import { rangeProblem } from './dashboard';
import { BAND_NAMES } from './score-bands';
import { PHASES } from '../settings';
import { DIMENSIONS } from '../scoring';
import { calendarDay as day } from '../../platform/lib/calendar-day';
import { salesforceId } from '../opportunities';

const shortText = z.string().trim().min(1).max(255);

export const dashboardQuerySchema = z
  .strictObject({
    range: z.enum(['all']).optional(),
    from: day.optional(),
    to: day.optional(),
    bucket: z.enum(BUCKETS).default('week'),
    days: z.coerce.number().int().min(1).max(365).default(30),
    repId: salesforceId.optional(),
  })
  .superRefine((query, ctx) => {
    // the fields' own issues are reported already; a range needs two readable days
    if (![query.from, query.to].every((d) => d === undefined || day.safeParse(d).success)) return;
    const problem = rangeProblem(query);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  });

export const promptsQuerySchema = z.strictObject({
  industry: shortText.optional(),
  phase: z.enum(PHASES).optional(),
  setId: z.uuid().optional(),
});

export const drilldownQuerySchema = z
  .strictObject({
    repId: salesforceId.optional(),
    dimension: z.enum(DIMENSIONS).optional(),
    band: z.enum(BAND_NAMES).optional(),
    promptKey: shortText.optional(),
    opportunityId: salesforceId.optional(),
    from: day.optional(),
    to: day.optional(),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((q) => q.dimension === undefined || q.band !== undefined, {
    message: 'dimension narrows a band: give band too',
    path: ['dimension'],
  });

export const dealsQuerySchema = z.strictObject({
  band: z.enum(BAND_NAMES),
  repId: salesforceId.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const accountNameSchema = shortText;
