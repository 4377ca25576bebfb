// What the notes routes answer, for the OpenAPI document (the request side is contracts.ts).
import { z } from 'zod';
import { DIMENSIONS } from '../scoring';
import { pageOf } from '../../platform/lib/cursor';

const dimensions = z.record(z.enum(DIMENSIONS), z.number());
const evidence = z.object({
  dimension: z.enum(DIMENSIONS),
  field: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  effect: z.enum(['raised', 'lowered']),
});
const tip = z.object({ dimension: z.enum(DIMENSIONS), text: z.string() });

/** The coach's answer on a draft: no numbers when it cannot read the note. */
export const scoreResponse = z.object({
  status: z.enum(['scored', 'not_scored']),
  reason: z.literal('not_english').optional(),
  message: z.string().optional(),
  overall: z.number().nullable(),
  dimensions: dimensions.nullable(),
  evidence: z.array(evidence),
  tips: z.array(tip),
  scorerVersion: z.string(),
  weights: dimensions,
});

/** A stored note's score; lists that do not show evidence leave it out. */
const storedScore = z.object({
  overall: z.number().nullable(),
  dimensions: dimensions.nullable().optional(),
  evidence: z.array(evidence.partial({ text: true })).optional(),
  tips: z.array(tip).optional(),
  scorerVersion: z.string(),
});

const nullableText = z.string().nullable();

export const noteResponse = z.object({
  id: z.string(),
  opportunityId: z.string(),
  authorId: z.string(),
  opportunityStage: nullableText,
  authorName: nullableText,
  occurredAt: z.string(),
  prompts: z.array(
    z.object({
      promptId: nullableText,
      promptKey: nullableText,
      title: nullableText,
      text: nullableText,
      reaction: nullableText,
    }),
  ),
  summary: z.string(),
  customerView: nullableText,
  ideas: nullableText,
  nextStep: nullableText,
  nextStepDate: nullableText,
  score: storedScore.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const notePageResponse = pageOf(noteResponse);
