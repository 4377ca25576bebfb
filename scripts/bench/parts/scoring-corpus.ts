// How well the scorer ranks the labelled corpus: Spearman's ρ per dimension and overall on the
// tuning, held-out and fresh parts, the adversarial notes that escaped the bottom, and the agreement
// between the two labelling passes of each note set (the ceiling a score can reach).
import path from 'node:path';
import { DIMENSIONS } from '../../../service/src/features/scoring';
import {
  CORPUS_PARTS,
  loadCorpus,
  loadLabels,
  weightedKappa,
  type CorpusSet,
} from '../../../test/scoring/corpus';
import { ESCAPE_CHECKS, evaluate } from '../../../test/scoring/evaluate';
import type { BenchFigures } from './index';

const round = (value: number) => Number(value.toFixed(3));

/** the split set's keys keep their old names (scoring.labelKappa.<dimension>) */
function labelAgreement(set: CorpusSet): BenchFigures {
  const first = loadLabels(path.join(set, 'labels-pass1.jsonl'));
  const second = loadLabels(path.join(set, 'labels-pass2.jsonl'));
  const ids = [...first.keys()];
  const prefix = set === '.' ? 'scoring.labelKappa' : `scoring.labelKappa.${set}`;
  return Object.fromEntries(
    DIMENSIONS.map((d) => [
      `${prefix}.${d}`,
      round(
        weightedKappa(
          ids.map((id) => first.get(id)![d]),
          ids.map((id) => second.get(id)![d]),
        ),
      ),
    ]),
  );
}

export function corpusFigures(): BenchFigures {
  const figures: BenchFigures = { ...labelAgreement('.'), ...labelAgreement('fresh') };
  for (const part of CORPUS_PARTS) {
    const evaluation = evaluate(loadCorpus(part));
    for (const [name, rho] of Object.entries(evaluation.rho))
      figures[`scoring.rho.${part}.${name}`] = round(rho);
    figures[`scoring.adversarial.${part}.failures`] = evaluation.adversarialFailures.length;
    for (const check of ESCAPE_CHECKS)
      figures[`scoring.adversarial.${part}.failures.${check}`] = evaluation.escapesByCheck[check];
    figures[`scoring.adversarial.${part}.maxOverall`] = evaluation.maxAdversarialOverall;
  }
  return figures;
}
