// pino, with credentials redacted wherever they could appear in a log line.
import pino, { type Logger } from 'pino';

export type { Logger };

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  // chosen by the caller, so it may hold anything; only its digest is stored
  'req.headers["idempotency-key"]',
  'req.query.token',
  'headers.authorization',
  'apiKey',
  '*.apiKey',
  'secret',
  '*.secret',
  'clientSecret',
  '*.clientSecret',
  'privateKey',
  '*.privateKey',
  'password',
  '*.password',
  'accessToken',
  '*.accessToken',
  // Salesforce connections: OAuth request bodies and the encrypted column
  'client_secret',
  '*.client_secret',
  'assertion',
  '*.assertion',
  'secrets',
  '*.secrets',
  '*.auth.privateKey',
  '*.auth.clientSecret',
  '*.auth.password',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}
