// What the account routes answer, for the OpenAPI document (the request side is schemas.ts).
import { z } from 'zod';
import { ENTRY_KINDS } from './entries';

const nullableText = z.string().nullable();
const source = z.object({ noteId: z.string().optional(), promptId: z.string().optional() });

export const insideViewEntryResponse = z.object({
  id: z.string(),
  kind: z.enum(ENTRY_KINDS),
  text: z.string(),
  originalText: nullableText,
  status: z.enum(['current', 'stale', 'outdated']),
  occurredAt: z.string(),
  opportunityId: z.string(),
  opportunityName: nullableText,
  authorId: z.string(),
  authorName: nullableText,
  redirectedFrom: z.array(z.object({ promptId: nullableText, title: nullableText, text: nullableText })),
  changedBy: nullableText,
  changedAt: nullableText,
  source,
});

const intersectionItem = z.object({
  reaction: z.string(),
  promptId: nullableText,
  promptKey: nullableText,
  title: nullableText,
  text: nullableText,
  noteId: z.string(),
  opportunityId: z.string(),
  occurredAt: z.string(),
  customerSaid: z.object({ entryId: z.string(), text: z.string() }).nullable(),
  source,
});
/** provocations by what the customer's inside view did to them */
const intersection = z.record(
  z.enum(['confirmed', 'reshaped', 'redirected', 'dismissed']),
  z.array(intersectionItem),
);

export const insideViewResponse = z.object({
  accountId: z.string(),
  staleAfterMonths: z.number().int(),
  notesRead: z.number().int(),
  truncated: z.boolean(),
  items: z.array(insideViewEntryResponse),
  intersection,
});

export const briefResponse = z.object({
  opportunity: z.object({
    id: z.string(),
    name: nullableText,
    accountId: nullableText,
    accountName: nullableText,
  }),
  generatedOn: z.string(),
  prompts: z.array(
    z.object({
      promptId: z.string(),
      title: z.string(),
      provocation: z.string(),
      followUp: z.string(),
      source,
    }),
  ),
  insideView: z.array(insideViewEntryResponse),
  openRedirects: z.array(insideViewEntryResponse),
  nextStep: z
    .object({
      text: z.string(),
      date: nullableText,
      agreedOn: z.string(),
      status: z.enum(['happened', 'upcoming', 'overdue', 'undated']),
      followedBy: nullableText,
      source,
    })
    .nullable(),
  suggestedQuestion: z.object({ text: z.string(), entryId: z.string(), source }).nullable(),
  intersection,
  text: z.string(),
});
