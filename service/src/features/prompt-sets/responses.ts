// What the prompt-set routes answer, for the OpenAPI document (the request side is contracts.ts).
import { z } from 'zod';
import { pageOf } from '../../platform/lib/cursor';

const prompt = z.object({
  id: z.string(),
  setId: z.string(),
  version: z.number().int(),
  key: z.string(),
  title: z.string(),
  provocation: z.string(),
  followUp: z.string(),
  rationale: z.string(),
  source: z.string(),
  expiresOn: z.string().nullable(),
  targeting: z.object({
    industries: z.array(z.string()),
    phases: z.array(z.string()),
    stages: z.array(z.string()),
    amountMin: z.number().nullable(),
    amountMax: z.number().nullable(),
    recordTypes: z.array(z.string()),
  }),
});

const versionSummary = z.object({
  setId: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'published', 'retired']),
  name: z.string(),
  description: z.string(),
  promptCount: z.number().int(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  retiredAt: z.string().nullable(),
});

/** A prompt as served: merge fields filled where an opportunity is known. */
export const promptResponse = prompt;
export const promptPageResponse = pageOf(prompt);
export const versionResponse = versionSummary.extend({ prompts: z.array(prompt) });
export const promptSetResponse = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  createdAt: z.string(),
  versions: z.array(versionSummary),
});
export const promptSetListResponse = pageOf(promptSetResponse);
