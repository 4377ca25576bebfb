// One error type for everything the service expects to go wrong (bad input, missing rights, conflicts).
// Anything else is a bug: logged in full and answered as a bare 500.

export interface ErrorDetail {
  path: string;
  message: string;
  /** Where a person finds the problem in a file they sent: a CSV line and column, or a JSON prompt's
   * position (from 1), its key and field. */
  line?: number;
  column?: string;
  prompt?: number;
  key?: string;
  field?: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, details: ErrorDetail[] = [], code = 'validation_failed') =>
  new AppError(400, code, message, details);
export const unauthorized = (message: string) => new AppError(401, 'unauthorized', message);
export const forbidden = (message: string) => new AppError(403, 'forbidden', message);
export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found`);
export const conflict = (message: string, code = 'conflict') => new AppError(409, code, message);
/** An If-Match that names a version other than the current one. */
export const preconditionFailed = (message: string) => new AppError(412, 'precondition_failed', message);
