// Judges the scorer against a labelled part of the corpus: rank agreement per dimension and overall,
// and whether notes written to fool it stay at the bottom. Shared by the corpus test and the bench.
import { DIMENSIONS, scoreNote, type Dimension, type ScoreResult } from '../../service/src/features/scoring';
import { meanLabel, spearman, type CorpusNote } from './corpus';

/** An adversarial note may score at most this overall. */
export const ADVERSARIAL_MAX_OVERALL = 25;
/** A negated note may score at most this on a dimension it negates. */
export const NEGATED_MAX = 15;
/** The first corpus is kept as a regression check: the scorer must still rank it at least this well. */
export const FIRST_CORPUS_RHO = 0.8;

export interface Evaluation {
  rho: Record<Dimension | 'overall', number>;
  /** every way an adversarial note escaped the bottom, one readable line each */
  adversarialFailures: string[];
  /** how many of those failed each check: above the overall cap, not below a dimension's lowest
   * genuine note labelled ≥ 2, or above the cap on what a negated note negates */
  escapesByCheck: Record<EscapeCheck, number>;
  maxAdversarialOverall: number;
}

export type EscapeCheck = Dimension | 'overall' | 'negated';
export const ESCAPE_CHECKS: readonly EscapeCheck[] = ['overall', ...DIMENSIONS, 'negated'];

// The dimensions an adversarial note tries to fake are those its labels keep low.
const fakedDimensions = (entry: CorpusNote) => DIMENSIONS.filter((d) => entry.labels[d] <= 1);

interface Escape {
  check: EscapeCheck;
  line: string;
}

function adversarialFailures(corpus: CorpusNote[], results: ScoreResult[]): Escape[] {
  const failures: Escape[] = [];
  const genuine = corpus
    .map((entry, i) => ({ entry, result: results[i]! }))
    .filter((r) => !r.entry.adversarial);
  const lowestGood = Object.fromEntries(
    DIMENSIONS.map((d) => [
      d,
      Math.min(...genuine.filter((r) => r.entry.labels[d] >= 2).map((r) => r.result.dimensions[d])),
    ]),
  ) as Record<Dimension, number>;
  corpus.forEach((entry, i) => {
    if (!entry.adversarial) return;
    const result = results[i]!;
    const tag = `${entry.id} (${entry.adversarial})`;
    if (result.overall > ADVERSARIAL_MAX_OVERALL)
      failures.push({
        check: 'overall',
        line: `${tag}: overall ${result.overall} > ${ADVERSARIAL_MAX_OVERALL}`,
      });
    for (const d of fakedDimensions(entry)) {
      if (result.dimensions[d] >= lowestGood[d])
        failures.push({
          check: d,
          line: `${tag}: ${d} ${result.dimensions[d]} not below the lowest note labelled ≥ 2 (${lowestGood[d]})`,
        });
      if (entry.adversarial === 'negation' && entry.labels[d] === 0 && result.dimensions[d] > NEGATED_MAX)
        failures.push({
          check: 'negated',
          line: `${tag}: negated ${d} ${result.dimensions[d]} > ${NEGATED_MAX}`,
        });
    }
  });
  return failures;
}

export function evaluate(corpus: CorpusNote[]): Evaluation {
  const results = corpus.map((entry) => scoreNote(entry.note));
  const rho = {} as Evaluation['rho'];
  for (const d of DIMENSIONS) {
    rho[d] = spearman(
      corpus.map((entry) => entry.labels[d]),
      results.map((result) => result.dimensions[d]),
    );
  }
  rho.overall = spearman(
    corpus.map((entry) => meanLabel(entry.labels)),
    results.map((result) => result.overall),
  );
  const adversarial = results.filter((_, i) => corpus[i]!.adversarial);
  const escapes = adversarialFailures(corpus, results);
  return {
    rho,
    adversarialFailures: escapes.map((escape) => escape.line),
    escapesByCheck: Object.fromEntries(
      ESCAPE_CHECKS.map((check) => [check, escapes.filter((escape) => escape.check === check).length]),
    ) as Record<EscapeCheck, number>,
    maxAdversarialOverall: Math.max(0, ...adversarial.map((result) => result.overall)),
  };
}
