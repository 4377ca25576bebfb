// How well the scorer ranks the labelled corpus: Spearman's ρ per dimension and overall on the
// tuning and held-out parts, the adversarial notes that escaped the bottom, and the agreement
// between the two labelling passes (the ceiling a score can reach).
import { DIMENSIONS } from '../../../service/src/features/scoring';
import { CORPUS_PARTS, loadCorpus, loadLabels, weightedKappa } from '../../../test/scoring/corpus';
import { evaluate } from '../../../test/scoring/evaluate';
import type { BenchFigures } from './index';

const round = (value: number) => Number(value.toFixed(3));

function labelAgreement(): BenchFigures {
  const first = loadLabels('labels-pass1.jsonl');
  const second = loadLabels('labels-pass2.jsonl');
  const ids = [...first.keys()];
  return Object.fromEntries(
    DIMENSIONS.map((d) => [
      `scoring.labelKappa.${d}`,
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
  const figures: BenchFigures = labelAgreement();
  for (const part of CORPUS_PARTS) {
    const evaluation = evaluate(loadCorpus(part));
    for (const [name, rho] of Object.entries(evaluation.rho))
      figures[`scoring.rho.${part}.${name}`] = round(rho);
    figures[`scoring.adversarial.${part}.failures`] = evaluation.adversarialFailures.length;
    figures[`scoring.adversarial.${part}.maxOverall`] = evaluation.maxAdversarialOverall;
  }
  return figures;
}
