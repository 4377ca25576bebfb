// Background jobs (rescoring), as other features and tools see them. The only module other features import;
// vocabulary first, router last: features import each other in cycles, and constants must be ready.
export { activeRescore, getJob, queueRescore, runRescore, startRescore } from './rescore';
export { registerJobMetrics } from './metrics';
export { JobRunner, type JobRunnerOptions } from './runner';
