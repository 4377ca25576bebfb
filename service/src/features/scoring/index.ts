// The conversation scorer, as other features and tools see it. The only module other features import;
// vocabulary first, router last: features import each other in cycles, and constants must be ready.
export * from './types';
export type { Clause } from './clause-facts';
export { combineOverall } from './combine-overall';
export { readsAsEnglish } from './language';
export { isCountable, readNote } from './read-note';
export { FIELD_SEPARATOR, NLP_PIPELINE } from './read-text';
export { SCORER_VERSION, assessNote, scoreNote } from './score-note';
export { isDealTalk, isHollow, isLabel, isOurOpinion, isPrescription } from './statement-kind';
export { hasScoresFromOtherVersions } from './scorer-versions-repository';
