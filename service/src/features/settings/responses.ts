// What the settings routes answer, for the OpenAPI document (the request side is contracts.ts).
import { z } from 'zod';
import { DIMENSIONS } from '../scoring';
import { PHASES } from './settings';

export const jobResponse = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed', 'superseded']),
  done: z.number().int(),
  total: z.number().int(),
  error: z.string().nullable(),
  settingsVersion: z.number().int().nullable(),
  supersededBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const settingsResponse = z.object({
  industries: z.array(z.string()),
  stagePhases: z.record(z.string(), z.enum([...PHASES, 'closed'])),
  weights: z.record(z.enum(DIMENSIONS), z.number()),
  insideViewStaleMonths: z.number().int(),
  version: z.number().int(),
  /** the rescore a weight change started, while it runs */
  rescore: jobResponse.nullable(),
});
