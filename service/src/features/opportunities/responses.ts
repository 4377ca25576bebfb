// What the opportunity routes answer, for the OpenAPI document (the request side is contracts.ts).
import { z } from 'zod';
import { noteResponse } from '../notes';
import { promptResponse } from '../prompt-sets';
import { salesforceId } from './contracts';

// lazy: the notes and prompt-set features load in a cycle with this one
export const panelResponse = z.object({
  /** the context as the service keeps it: the latest one it was given */
  opportunity: z.looseObject({ id: salesforceId }),
  prompts: z.array(z.lazy(() => promptResponse)),
  recentNotes: z.array(z.lazy(() => noteResponse)),
  summary: z.object({
    noteCount: z.number().int(),
    lastConversationAt: z.string().nullable(),
    averageOverall: z.number().nullable(),
    latest: z.object({ overall: z.number(), dimensions: z.unknown() }).nullable(),
    lastReaction: z.string().nullable(),
  }),
});
