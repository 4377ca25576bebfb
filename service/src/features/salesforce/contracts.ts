import { z } from 'zod';

// which hosts are allowed (Salesforce login and My Domain hosts; the local fake only where the
// configuration allows it) is decided by the use case, which knows the configuration
const loginUrl = z.string().trim().max(2048);

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
