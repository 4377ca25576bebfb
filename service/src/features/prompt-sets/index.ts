// Prompt sets and their prompts, as other features and tools see them. The only module other features import;
// vocabulary first, router last: features import each other in cycles, and constants must be ready.
export { installDefaultLibrary } from './default-library';
export { fromCsvFile, toCsvFile, toJsonFile } from './prompt-file';
export { readImportFile } from './import-file';
export { exportFile } from './off-thread';
export { createDraft, createSet, getSet, getVersion } from './prompt-sets';
export { renderPrompt, selectPrompts } from './selection';
export { findPromptsByIds, latestPromptTitles, listPublishedPrompts } from './repository';
export type { PromptRecord } from './repository';
export { promptResponse } from './responses';
export { promptSetsRoutes } from './router';
