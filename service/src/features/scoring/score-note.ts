// The conversation scorer: five rubric dimensions, an overall score, evidence and coaching tips.
import { scoreBusinessFocus } from './business-focus';
import { scoreCollaboration } from './collaboration';
import { combineOverall } from './combine-overall';
import { scoreCustomerView } from './customer-view';
import { scoreNextStep } from './next-step';
import { noiseEvidence } from './noise-evidence';
import { capOverall } from './overall-cap';
import { levelScore, type DimensionOutcome, type Level } from './outcome';
import { scoreProvocation } from './provocation';
import { readsAsEnglish } from './language';
import { readNote } from './read-note';
import {
  DEFAULT_WEIGHTS,
  DIMENSIONS,
  type Dimension,
  type Evidence,
  type NoteAssessment,
  type ScoreResult,
  type ScoringInput,
  type Tip,
  type Weights,
} from './types';

/** Bump when a change to the scorer can change a stored note's score, so stored scores can be told apart. */
export const SCORER_VERSION = '2026.12-5';

const MAX_TIPS = 3;

/** Tips for the weakest dimensions first; a dimension at the top level needs none. */
function pickTips(outcomes: Record<Dimension, DimensionOutcome>, scores: Record<Dimension, number>): Tip[] {
  return DIMENSIONS.filter((dimension) => outcomes[dimension].tip !== null)
    .sort((a, b) => scores[a] - scores[b] || DIMENSIONS.indexOf(a) - DIMENSIONS.indexOf(b))
    .slice(0, MAX_TIPS)
    .map((dimension) => ({ dimension, text: outcomes[dimension].tip! }));
}

export function scoreNote(input: ScoringInput, weights: Weights = DEFAULT_WEIGHTS): ScoreResult {
  const note = readNote(input);
  const customerView = scoreCustomerView(note);
  const outcomes: Record<Dimension, DimensionOutcome> = {
    provocation: scoreProvocation(note),
    customerView,
    // a specific inside view means they answered our questions: the first step of a two-way exchange
    collaboration: scoreCollaboration(note, customerView.level >= 2),
    businessFocus: scoreBusinessFocus(note),
    nextStep: scoreNextStep(note),
  };
  const dimensions = {} as Record<Dimension, number>;
  const levels = {} as Record<Dimension, Level>;
  const evidence: Evidence[] = [];
  for (const dimension of DIMENSIONS) {
    const outcome = outcomes[dimension];
    dimensions[dimension] = levelScore(outcome.level, outcome.strength);
    levels[dimension] = outcome.level;
    evidence.push(...outcome.evidence);
  }
  evidence.push(...noiseEvidence(note));
  return {
    status: 'scored',
    overall: capOverall(combineOverall(dimensions, weights), levels, weights),
    dimensions,
    evidence,
    tips: pickTips(outcomes, dimensions),
    scorerVersion: SCORER_VERSION,
    weights,
  };
}

const NOT_ENGLISH_MESSAGE = 'Not scored: the coach reads English, and this note does not read as English.';

/** What the product shows for a note: its score, or why it was not scored. */
export function assessNote(input: ScoringInput, weights: Weights = DEFAULT_WEIGHTS): NoteAssessment {
  if (readsAsEnglish(input)) return scoreNote(input, weights);
  return {
    status: 'not_scored',
    reason: 'not_english',
    message: NOT_ENGLISH_MESSAGE,
    overall: null,
    dimensions: null,
    evidence: [],
    tips: [],
    scorerVersion: SCORER_VERSION,
    weights,
  };
}
