// The labelled scoring corpus: notes with rubric levels (0–3) per dimension, and Spearman's rank correlation.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIMENSIONS, type Dimension, type ScoringInput } from '../../service/src/domain/scoring';

export interface CorpusNote {
  id: string;
  industry: string;
  style: string;
  note: ScoringInput;
  labels: Record<Dimension, number>;
}

export function loadCorpus(part: 'tuning' | 'holdout'): CorpusNote[] {
  const file = path.join(__dirname, 'corpus', `${part}.jsonl`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CorpusNote);
}

/** Average ranks (1-based), ties sharing the mean of their positions. */
function ranks(values: number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]!.value === order[i]!.value) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) result[order[k]!.index] = rank;
    i = j + 1;
  }
  return result;
}

/** Spearman's ρ: Pearson correlation of the ranks, which handles ties correctly. */
export function spearman(xs: number[], ys: number[]): number {
  const rx = ranks(xs);
  const ry = ranks(ys);
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(rx);
  const my = mean(ry);
  let covariance = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < rx.length; i++) {
    covariance += (rx[i]! - mx) * (ry[i]! - my);
    vx += (rx[i]! - mx) ** 2;
    vy += (ry[i]! - my) ** 2;
  }
  return vx === 0 || vy === 0 ? 0 : covariance / Math.sqrt(vx * vy);
}

export function meanLabel(labels: Record<Dimension, number>): number {
  return DIMENSIONS.reduce((sum, dimension) => sum + labels[dimension], 0) / DIMENSIONS.length;
}
