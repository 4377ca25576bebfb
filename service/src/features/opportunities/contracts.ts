import { z } from 'zod';
import { optionalBoolean, optionalNumber, optionalText } from '../../platform/lib/blank-fields';

export const salesforceId = z
  .string()
  .regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, 'must be a 15- or 18-character Salesforce Id');

const shortText = z.string().max(255);

// Apex serialises a field the user cannot read, or an empty one, as null: that is "not known".
export const opportunityContextSchema = z.strictObject({
  id: salesforceId,
  name: optionalText(shortText.optional()),
  stage: optionalText(shortText.optional()),
  amount: optionalNumber(z.number().finite().min(0).max(1e15)),
  closeDate: optionalText(z.iso.date().optional()),
  recordType: optionalText(shortText.optional()),
  accountName: optionalText(shortText.optional()),
  accountId: optionalText(salesforceId.optional()),
  industry: optionalText(shortText.optional()),
  isClosed: optionalBoolean(),
  isWon: optionalBoolean(),
  ownerId: optionalText(salesforceId.optional()),
  currencyIsoCode: optionalText(
    z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 currency code')
      .optional(),
  ),
  locale: optionalText(
    z
      .string()
      .regex(/^[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8}){0,3}$/, 'must be a locale such as en_US')
      .optional(),
  ),
});

/** The body of a route about one deal (the panel, the pre-call brief): the deal as Apex read it. */
export const dealRequestSchema = z.strictObject({ opportunity: opportunityContextSchema });

export const pageQuerySchema = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
