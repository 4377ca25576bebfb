// Ranks the labelled corpus with the scorer and checks it agrees with the rubric levels: Spearman's ρ
// per dimension and for the overall score (against the mean label), on the tuning part and on the
// held-out part that was written and labelled before any tuning.
import { DIMENSIONS, scoreNote } from '../../service/src/domain/scoring';
import { loadCorpus, meanLabel, spearman, type CorpusNote } from './corpus';

const TARGET_RHO = 0.8;
const PARTS = ['tuning', 'holdout'] as const;

function correlations(corpus: CorpusNote[]): Record<string, number> {
  const results = corpus.map((entry) => scoreNote(entry.note));
  const rho: Record<string, number> = {};
  for (const dimension of DIMENSIONS) {
    rho[dimension] = spearman(
      corpus.map((entry) => entry.labels[dimension]),
      results.map((result) => result.dimensions[dimension]),
    );
  }
  rho.overall = spearman(
    corpus.map((entry) => meanLabel(entry.labels)),
    results.map((result) => result.overall),
  );
  return rho;
}

const table = Object.fromEntries(PARTS.map((part) => [part, correlations(loadCorpus(part))]));

afterAll(() => {
  const rows = [...DIMENSIONS, 'overall'].map((name) => ({
    dimension: name,
    tuning: Number(table.tuning![name]!.toFixed(3)),
    holdout: Number(table.holdout![name]!.toFixed(3)),
  }));
  console.table(rows);
});

describe.each(PARTS)('scoring corpus, %s part', (part) => {
  it('is large enough and covers every level of every dimension', () => {
    const corpus = loadCorpus(part);
    expect(corpus.length).toBeGreaterThanOrEqual(part === 'holdout' ? 25 : 50);
    for (const dimension of DIMENSIONS) {
      const levels = new Set(corpus.map((entry) => entry.labels[dimension]));
      expect([...levels].sort()).toEqual([0, 1, 2, 3]);
    }
  });

  it.each([...DIMENSIONS, 'overall'])(`ranks %s like the labels (ρ ≥ ${TARGET_RHO})`, (name) => {
    expect(table[part]![name]).toBeGreaterThanOrEqual(TARGET_RHO);
  });
});
