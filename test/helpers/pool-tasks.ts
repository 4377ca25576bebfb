// Tasks for the worker pool's tests: they run on pool threads, loaded by module path.
import { badRequest } from '../../service/src/platform/lib/errors';

/** Answers its input doubled. */
export function double(input: number): number {
  return input * 2;
}

/** Keeps its thread busy for `ms`, then answers when it started and ended (epoch ms). */
export function busy({ ms, label }: { ms: number; label: string }): {
  label: string;
  start: number;
  end: number;
} {
  const start = Date.now();
  while (Date.now() - start < ms) {
    // spinning is the point: the thread is busy, as with real scoring
  }
  return { label, start, end: Date.now() };
}

/** Refuses its input as a use case would: a 400 with details. */
export function refuse(): never {
  throw badRequest('the file has 2 problems', [{ path: 'line 2.name', message: 'must not be blank' }]);
}

/** Fails as a bug in a task would. */
export function broken(): never {
  throw new TypeError('cannot read properties of undefined');
}
