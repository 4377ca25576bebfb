// The labelled scoring corpus: notes with rubric levels (0–3) per dimension, its fixed split into a
// tuning part and a held-out part, and the statistics that judge the scorer against it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIMENSIONS, type Dimension, type ScoringInput } from '../../service/src/features/scoring';

export type Labels = Record<Dimension, number>;

export interface CorpusNote {
  id: string;
  industry: string;
  style: string;
  /** the one thing an adversarial note was written to fool, or null */
  adversarial: string | null;
  note: ScoringInput;
  labels: Labels;
}

/** `fresh` holds notes written and labelled after the held-out part had been read in two rounds:
 * held out from the start, never split, never tuned on (corpus/README.md). */
export type CorpusPart = 'tuning' | 'heldOut' | 'fresh';
export const CORPUS_PARTS: readonly CorpusPart[] = ['tuning', 'heldOut', 'fresh'];
/** the folder of a labelled note set under corpus/: the split set, or the fresh one */
export type CorpusSet = '.' | 'fresh';

const CORPUS_DIR = path.join(__dirname, 'corpus');

// The split was drawn once from this seed before the scorer was changed; split.json records it and
// a test checks that the file still matches the seed, so no note can move between parts.
export const SPLIT_SEED = 'up-at-night-corpus-2026-12';
const HELD_OUT_SHARE = 0.42;

export function isHeldOut(id: string): boolean {
  const digest = createHash('sha256').update(`${SPLIT_SEED}:${id}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32 < HELD_OUT_SHARE;
}

// The tuning part is split once more, into `dev` (read freely while tuning) and `check` (seen only as
// aggregate figures), so a change is judged on tuning notes it was not fitted to before the one
// held-out run. Stratified: within each kind of note (genuine notes by style, adversarial notes by the
// thing they fake), notes are ordered by a digest of this seed and dealt to dev and check in turn.
export const TUNING_SPLIT_SEED = 'up-at-night-tuning-2026-12-03';
const DEV_SHARE = 0.6;
export type TuningPart = 'dev' | 'check';

const digestOf = (seed: string, id: string) => createHash('sha256').update(`${seed}:${id}`).digest('hex');

export function drawTuningSplit(tuning: Omit<CorpusNote, 'labels'>[]): Record<TuningPart, string[]> {
  const stratum = (entry: Omit<CorpusNote, 'labels'>) =>
    entry.adversarial ? `adversarial:${entry.adversarial}` : `genuine:${entry.style}`;
  const ordered = tuning
    .map((entry) => ({ id: entry.id, key: `${stratum(entry)}|${digestOf(TUNING_SPLIT_SEED, entry.id)}` }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  const dev: string[] = [];
  const check: string[] = [];
  // dealing in one pass over the strata in order keeps each stratum's share within one note of 60%
  ordered.forEach(({ id }, k) =>
    (Math.floor((k + 1) * DEV_SHARE) > Math.floor(k * DEV_SHARE) ? dev : check).push(id),
  );
  return { dev: dev.sort(), check: check.sort() };
}

export function loadTuningSplit(): Record<TuningPart, string[]> & { seed: string } {
  return JSON.parse(readFileSync(path.join(CORPUS_DIR, 'tuning-split.json'), 'utf8')) as Record<
    TuningPart,
    string[]
  > & { seed: string };
}

export function readJsonl<T>(file: string): T[] {
  return readFileSync(path.join(CORPUS_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** Labels of one pass (or the adjudicated ones), by note id. */
export function loadLabels(file: string): Map<string, Labels> {
  return new Map(readJsonl<{ id: string; labels: Labels }>(file).map((row) => [row.id, row.labels]));
}

export function loadSplit(): Record<CorpusPart, string[]> & { seed: string } {
  return JSON.parse(readFileSync(path.join(CORPUS_DIR, 'split.json'), 'utf8')) as Record<
    CorpusPart,
    string[]
  > & { seed: string };
}

type StoredNote = Omit<CorpusNote, 'labels'>;

export const corpusSetOf = (part: CorpusPart): CorpusSet => (part === 'fresh' ? 'fresh' : '.');

/** One part of the corpus with its adjudicated labels. */
export function loadCorpus(part: CorpusPart): CorpusNote[] {
  const set = corpusSetOf(part);
  const labels = loadLabels(path.join(set, 'labels.jsonl'));
  const notes = readJsonl<StoredNote>(path.join(set, 'notes.jsonl'));
  const ids = part === 'fresh' ? null : new Set(loadSplit()[part]);
  return notes
    .filter((entry) => !ids || ids.has(entry.id))
    .map((entry) => ({ ...entry, labels: labels.get(entry.id)! }));
}

/** The first, smaller corpus the scorer was built with (kept as a regression check). */
export function loadFirstCorpus(part: 'tuning' | 'holdout'): CorpusNote[] {
  return readJsonl<Omit<CorpusNote, 'adversarial'>>(`v1/${part}.jsonl`).map((entry) => ({
    ...entry,
    adversarial: null,
  }));
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

/** Cohen's κ with quadratic weights for two passes of ordinal levels 0..levels-1. */
export function weightedKappa(a: number[], b: number[], levels = 4): number {
  const n = a.length;
  const count = (values: number[], level: number) => values.filter((v) => v === level).length;
  const weight = (i: number, j: number) => (i - j) ** 2 / (levels - 1) ** 2;
  let observed = 0;
  for (let k = 0; k < n; k++) observed += weight(a[k]!, b[k]!);
  let expected = 0;
  for (let i = 0; i < levels; i++)
    for (let j = 0; j < levels; j++) expected += (weight(i, j) * count(a, i) * count(b, j)) / n;
  return expected === 0 ? 1 : 1 - observed / expected;
}

export function meanLabel(labels: Labels): number {
  return DIMENSIONS.reduce((sum, dimension) => sum + labels[dimension], 0) / DIMENSIONS.length;
}
