// The conversation scorer, as other features and tools see it. The only module other features import;
// vocabulary first, router last: features import each other in cycles, and constants must be ready.
export * from './types';
export { combineOverall } from './combine-overall';
export { FIELD_SEPARATOR, NLP_PIPELINE } from './read-text';
export { SCORER_VERSION, assessNote, scoreNote } from './score-note';
export { hasScoresFromOtherVersions } from './scorer-versions-repository';
