// Every note the scorer has a reason to see, with what the scorer said about it when the golden
// fixture was written: a change meant to make scoring cheaper must leave every score, evidence span
// and tip as it was. The fixture keeps each note's scores readable and the whole assessment as a
// digest (the full assessments would be several megabytes). Regenerate only for a change meant to
// alter scores, with SCORER_VERSION bumped:
//   npx tsx test/scoring/golden.ts
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_WEIGHTS,
  assessNote,
  scoreNote,
  type NoteAssessment,
  type ScoringInput,
  type Weights,
} from '../../service/src/features/scoring';
import { benchNotes } from '../../scripts/bench/parts/scoring';
import { loadCorpus, loadFirstCorpus } from './corpus';
import { HOSTILE_SHAPES, hostileNote } from './hostile-notes';

export const GOLDEN_FILE = path.join(__dirname, 'golden-assessments.json');

export interface GoldenCase {
  id: string;
  input: ScoringInput;
  weights: Weights;
  /** scored even when it does not read as English, as the bench and the worst-case test score it */
  forceScore?: boolean;
}

/** The weights a manager might set: uneven, so the overall score's combination and caps are exercised. */
const UNEVEN_WEIGHTS: Weights = {
  provocation: 3,
  customerView: 2,
  collaboration: 1,
  businessFocus: 0,
  nextStep: 2,
};

const TEXT_FIELDS = ['summary', 'customerView', 'ideas', 'nextStep'] as const;

/** The note with every text (ad-hoc prompts too) rewritten, to reach the case-sensitive paths. */
function rewritten(input: ScoringInput, rewrite: (text: string) => string): ScoringInput {
  const copy: ScoringInput = { ...input, prompts: input.prompts.map((p) => ({ ...p })) };
  for (const field of TEXT_FIELDS) if (copy[field] !== undefined) copy[field] = rewrite(copy[field]!);
  for (const prompt of copy.prompts) if (prompt.text !== undefined) prompt.text = rewrite(prompt.text);
  return copy;
}

/** The note's texts moved one field on (summary into the customer's view, and so on). */
function rotated(input: ScoringInput): ScoringInput {
  return {
    ...input,
    summary: input.nextStep ?? '',
    customerView: input.summary,
    ideas: input.customerView,
    nextStep: input.ideas,
  };
}

export function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  const add = (id: string, input: ScoringInput, weights = DEFAULT_WEIGHTS, forceScore = false) =>
    cases.push({ id, input, weights, forceScore });
  const corpus = [
    ...loadCorpus('tuning'),
    ...loadCorpus('heldOut'),
    ...loadCorpus('fresh'),
    ...loadFirstCorpus('tuning'),
    ...loadFirstCorpus('holdout'),
  ];
  for (const { id, note } of corpus) {
    add(id, note);
    add(`${id}:weighted`, note, UNEVEN_WEIGHTS);
    add(
      `${id}:lower`,
      rewritten(note, (text) => text.toLowerCase()),
    );
    add(
      `${id}:upper`,
      rewritten(note, (text) => text.toUpperCase()),
    );
    add(`${id}:rotated`, rotated(note));
  }
  benchNotes(200).forEach((note, i) => add(`bench${i}`, note));
  for (const shape of Object.keys(HOSTILE_SHAPES)) {
    const short = rewritten(hostileNote(shape, 2), (text) => text.slice(0, 300));
    for (const [id, input] of [
      [`hostile:${shape}`, hostileNote(shape)],
      [`hostile:${shape}:short`, short],
    ] as const) {
      add(id, input);
      add(`${id}:scored`, input, DEFAULT_WEIGHTS, true);
    }
  }
  return cases;
}

/** JSON with object keys sorted, so the digest depends on what was said, not on the order it was built in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** One note's assessment in short: the overall score, the dimension scores, a digest of everything. */
export function summarise(assessment: NoteAssessment): string {
  const digest = createHash('sha256').update(canonical(assessment)).digest('hex').slice(0, 16);
  const scores = assessment.dimensions ? Object.values(assessment.dimensions).join('/') : assessment.reason;
  return `${assessment.overall ?? '-'} ${scores} ${digest}`;
}

export type GoldenFixture = Record<string, string>;

export function assessAll(cases: GoldenCase[]): GoldenFixture {
  return Object.fromEntries(
    cases.map(({ id, input, weights, forceScore }) => [
      id,
      summarise(forceScore ? scoreNote(input, weights) : assessNote(input, weights)),
    ]),
  );
}

if (require.main === module) {
  const fixture = assessAll(goldenCases());
  writeFileSync(GOLDEN_FILE, `${JSON.stringify(fixture, null, 2)}\n`);
  process.stdout.write(`wrote ${Object.keys(fixture).length} assessments to ${GOLDEN_FILE}\n`);
}
