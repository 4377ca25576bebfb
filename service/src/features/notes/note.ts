// The conversation note as the rep logs it; shared by the API, the scorer and storage.

export const REACTIONS = ['new_to_them', 'already_addressing', 'redirected', 'dismissed'] as const;
export type Reaction = (typeof REACTIONS)[number];

/** A prompt raised in the conversation: one from a prompt set (by id) or the rep's own, typed ad hoc. */
export interface NotePromptInput {
  promptId?: string;
  text?: string;
  reaction?: Reaction;
}

export interface NoteContent {
  occurredAt?: string;
  prompts: NotePromptInput[];
  summary: string;
  customerView?: string;
  ideas?: string;
  nextStep?: string;
  nextStepDate?: string;
}
