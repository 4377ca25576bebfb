// What a failed call to Salesforce means for the caller: wait for the org (throttled, unavailable),
// fix the connection (auth, refused), or a problem with this request (failed).
import { EndpointRefused } from './endpoints';
import { OrgUnreachable } from './org-request';

export type FailureKind = 'throttled' | 'unavailable' | 'auth' | 'refused' | 'failed';

/** A classified failure; thrown on, so callers see a message and the kind. */
export class Failure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly code: string,
    message: string,
    /** no answer arrived: the request may or may not have been applied */
    readonly noAnswer: boolean,
  ) {
    super(message);
    this.name = 'SalesforceFailure';
  }
}

const AUTH_CODES = new Set([
  'INVALID_SESSION_ID',
  'invalid_grant',
  'invalid_client',
  'invalid_client_id',
  'unsupported_grant_type',
  'INVALID_AUTH_HEADER',
]);

// what reaches logs, status and the admin: Salesforce's own message when it sent one, but never a
// page of HTML (an outage page, or whatever else answered) and never more than a line
const MAX_MESSAGE = 300;
function shortMessage(message: string, code: string): string {
  if (/<\s*(!doctype|html|head|body|title|div|p)\b/i.test(message))
    return `${code}: the answer was an HTML page`;
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE)}…` : line;
}

// codes are identifiers in Salesforce's answers; anything else is not echoed
const safeCode = (code: string) => (/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(code) ? code : 'UNEXPECTED_ANSWER');

export function classifyFailure(error: unknown): Failure {
  if (error instanceof Failure) return error;
  if (error instanceof EndpointRefused) return new Failure('refused', error.code, error.message, false);
  if (error instanceof OrgUnreachable) return new Failure('unavailable', error.code, error.message, true);
  const err = error as { name?: string; errorCode?: string; message?: string; code?: string };
  const code = safeCode(err?.errorCode ?? err?.code ?? err?.name ?? 'Error');
  const message = shortMessage(err?.message ?? String(error), code);
  const failure = (kind: FailureKind) => new Failure(kind, code, message, false);
  if (code === 'REQUEST_LIMIT_EXCEEDED') return failure('throttled');
  if (code === 'SERVER_UNAVAILABLE' || /^ERROR_HTTP_5\d\d$/.test(code)) return failure('unavailable');
  if (AUTH_CODES.has(code) || message.startsWith('Unable to refresh session')) return failure('auth');
  return failure('failed');
}

const ADMIN_MESSAGES: Record<FailureKind, string> = {
  auth: 'Salesforce refused the credentials: check the connected app, the integration user and the secret',
  throttled: "the org's daily API request limit is reached",
  unavailable: 'Salesforce did not answer or is unavailable; try again later',
  refused: 'the service will not call this address',
  failed: 'Salesforce refused the call',
};

/** For the admin (connection test): the code and a message of ours, never a remote body. */
export function describeFailure(failure: Failure): { code: string; message: string } {
  return {
    code: failure.code,
    // refusals are the service's own words; everything else gets a fixed sentence per kind
    message: failure.kind === 'refused' ? failure.message : ADMIN_MESSAGES[failure.kind],
  };
}
