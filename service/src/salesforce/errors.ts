// What a failed call to Salesforce means for the caller: wait for the org (throttled, unavailable),
// fix the connection (auth), or a problem with this request (failed).
export type FailureKind = 'throttled' | 'unavailable' | 'auth' | 'failed';

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

export function classifyFailure(error: unknown): Failure {
  const err = error as { name?: string; errorCode?: string; message?: string; code?: string; type?: string };
  const code = err?.errorCode ?? err?.code ?? err?.name ?? 'Error';
  const message = err?.message ?? String(error);
  if (error instanceof Failure) return error;
  const failure = (kind: FailureKind, noAnswer = false) => new Failure(kind, code, message, noAnswer);
  if (code === 'REQUEST_LIMIT_EXCEEDED') return failure('throttled');
  if (code === 'SERVER_UNAVAILABLE' || /^ERROR_HTTP_5\d\d$/.test(code)) return failure('unavailable');
  // node-fetch: connection refused/reset, timeouts (AbortError), bodies cut short
  if (
    err?.name === 'FetchError' ||
    err?.name === 'AbortError' ||
    err?.type === 'aborted' ||
    err?.type === 'system'
  ) {
    return failure('unavailable', true);
  }
  if (AUTH_CODES.has(code) || message.startsWith('Unable to refresh session')) return failure('auth');
  return failure('failed');
}
