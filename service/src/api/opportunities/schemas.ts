import { z } from 'zod';

export const salesforceId = z
  .string()
  .regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, 'must be a 15- or 18-character Salesforce Id');

const shortText = z.string().max(255);

export const opportunityContextSchema = z.strictObject({
  id: salesforceId,
  name: shortText.optional(),
  stage: shortText.optional(),
  amount: z.number().finite().min(0).max(1e15).optional(),
  closeDate: z.iso.date().optional(),
  recordType: shortText.optional(),
  accountName: shortText.optional(),
  industry: shortText.optional(),
  isClosed: z.boolean().optional(),
  isWon: z.boolean().optional(),
  ownerId: salesforceId.optional(),
});

export const panelRequestSchema = z.strictObject({ opportunity: opportunityContextSchema });

export const pageQuerySchema = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
