import { z } from 'zod';
import { PHASES } from './settings';

const weight = z.number().finite().min(0).max(10);

export const settingsSchema = z.strictObject({
  industries: z.array(z.string().trim().min(1).max(255)).min(1).max(500).optional(),
  stagePhases: z
    .record(z.string().trim().min(1).max(255), z.enum([...PHASES, 'closed']))
    .refine((m) => Object.keys(m).length <= 200, 'at most 200 stages')
    .optional(),
  weights: z
    .strictObject({
      provocation: weight,
      customerView: weight,
      collaboration: weight,
      businessFocus: weight,
      nextStep: weight,
    })
    .optional(),
  insideViewStaleMonths: z.int('must be a whole number of months').min(1).max(120).optional(),
});

export const jobIdSchema = z.uuid('must be a job id (UUID)');
