// Conversation notes, as other features and tools see them. The only module other features import;
// vocabulary first, router last: features import each other in cycles, and constants must be ready.
export { REACTIONS } from './note';
export type { NotePromptInput, Reaction } from './note';
export {
  createNote,
  importNotes,
  listOpportunityNotes,
  scoreFields,
  scoringInputOf,
  toNoteViews,
} from './notes';
export type { HistoricNote, NoteView } from './notes';
export {
  countNotes,
  noteToRescore,
  findNote,
  listNotesByOpportunity,
  pageNotesById,
  pageNotesToRescore,
  raisedPromptKeys,
  scoresPayload,
  summariseOpportunityNotes,
  updateScores,
} from './repository';
export type { RescoreRow } from './repository';
export { notePageResponse, noteResponse } from './responses';
export { notesRoutes } from './router';
