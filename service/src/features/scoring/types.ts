// The scorer's contract: what it reads from a note and what it says about it.
import type { Reaction } from '../notes';

export const DIMENSIONS = [
  'provocation',
  'customerView',
  'collaboration',
  'businessFocus',
  'nextStep',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type Weights = Record<Dimension, number>;
export const DEFAULT_WEIGHTS: Weights = {
  provocation: 1,
  customerView: 1,
  collaboration: 1,
  businessFocus: 1,
  nextStep: 1,
};

/** Free-text fields of a note that evidence can point into; ad-hoc prompt texts are `prompts.<index>.text`. */
export type TextField = 'summary' | 'customerView' | 'ideas' | 'nextStep' | `prompts.${number}.text`;

export interface ScoringPrompt {
  /** true when the prompt came from a curated prompt set (specific and forward-looking by construction). */
  fromLibrary: boolean;
  /** the rep's own wording, for ad-hoc prompts only */
  text?: string;
  reaction?: Reaction;
}

export interface ScoringInput {
  summary: string;
  customerView?: string;
  ideas?: string;
  nextStep?: string;
  /** ISO date (YYYY-MM-DD) */
  nextStepDate?: string;
  /** ISO date of the conversation; a next step dated before it is not a way forward */
  occurredAt?: string;
  prompts: ScoringPrompt[];
}

export interface Evidence {
  dimension: Dimension;
  field: TextField;
  /** UTF-16 offsets into the field's text: text === note[field].slice(start, end) */
  start: number;
  end: number;
  text: string;
  effect: 'raised' | 'lowered';
}

export interface Tip {
  dimension: Dimension;
  text: string;
}

export interface ScoreResult {
  status: 'scored';
  overall: number;
  dimensions: Record<Dimension, number>;
  evidence: Evidence[];
  /** at most three, weakest dimensions first */
  tips: Tip[];
  scorerVersion: string;
  /** the weights the overall score was combined with */
  weights: Weights;
}

/** A note the coach cannot read: no numbers, so none can mislead a rep or a dashboard. */
export interface NotScoredResult {
  status: 'not_scored';
  reason: 'not_english';
  message: string;
  overall: null;
  dimensions: null;
  evidence: [];
  tips: [];
  scorerVersion: string;
  weights: Weights;
}

export type NoteAssessment = ScoreResult | NotScoredResult;
