import { z } from 'zod';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

// https only, except a loopback address (a local fake org in development and tests)
// zod runs the refinement even when z.url() already failed: an unparsable value is simply refused
const loginUrl = z.url().refine((value) => {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}, 'must be an https:// URL (login.salesforce.com, test.salesforce.com or your My Domain)');

const clientId = z.string().trim().min(1).max(255);
const username = z.string().trim().min(1).max(255);
const secret = z.string().min(1).max(10_000);

export const connectionSchema = z.strictObject({
  loginUrl,
  apiVersion: z
    .string()
    .regex(/^\d{2}\.0$/, 'must look like 62.0')
    .optional(),
  budgetShare: z.number().gt(0).max(0.5).optional(),
  syncIntervalMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
  auth: z.discriminatedUnion('flow', [
    z.strictObject({
      flow: z.literal('jwt'),
      clientId,
      username,
      privateKey: secret.refine((v) => v.includes('PRIVATE KEY'), 'must be a PEM private key'),
    }),
    z.strictObject({ flow: z.literal('client_credentials'), clientId, clientSecret: secret }),
    z.strictObject({
      flow: z.literal('password'),
      clientId,
      clientSecret: secret,
      username,
      password: secret,
    }),
  ]),
});

export const syncRequestSchema = z.strictObject({ retryParked: z.boolean().optional() });
