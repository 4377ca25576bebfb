// One error middleware: AppErrors become their 4xx; body-parser failures get a clear code; anything
// else is a bug, logged with its stack and answered as a bare 500 with no internals.
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../lib/errors';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const e = error as BodyParserError;
  if (e?.type === 'entity.too.large') {
    return new AppError(
      413,
      'payload_too_large',
      `the request body is larger than the ${e.limit ?? ''} byte limit`,
    );
  }
  if (e?.type === 'entity.parse.failed') {
    return new AppError(400, 'invalid_json', 'the request body is not valid JSON', [
      { path: 'body', message: e.message },
    ]);
  }
  if (e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported') {
    return new AppError(415, 'unsupported_encoding', e.message);
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return new AppError(e.status, 'bad_request', e.message);
  }
  return undefined;
}

export function notFoundHandler(req: Request, _res: Response, next: NextFunction): void {
  next(new AppError(404, 'route_not_found', `no route ${req.method} ${req.path}`));
}

export function errorHandler(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  const known = toAppError(error);
  if (known) {
    res
      .status(known.status)
      .json({ error: { code: known.code, message: known.message, details: known.details } });
    return;
  }
  req.log.error({ err: error }, 'unhandled error');
  res
    .status(500)
    .json({ error: { code: 'internal', message: 'something went wrong on our side', details: [] } });
}
