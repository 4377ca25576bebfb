// How busy the request thread has been lately (Node's event-loop utilisation over the last full
// second): work that may run either inline or on the worker pool goes to the pool when the thread
// that serves every tenant's requests is the one short of time.
import { performance, type EventLoopUtilization } from 'node:perf_hooks';

const WINDOW_MS = 1000;

let windowStart: EventLoopUtilization = performance.eventLoopUtilization();
let windowStartedAt = performance.now();
let lastWindow = 0;

/** The share of the last full second (0–1) the request thread spent running code. */
export function requestThreadUtilization(): number {
  const now = performance.now();
  if (now - windowStartedAt >= WINDOW_MS) {
    const current = performance.eventLoopUtilization();
    lastWindow = performance.eventLoopUtilization(current, windowStart).utilization;
    windowStart = current;
    windowStartedAt = now;
  }
  return lastWindow;
}
