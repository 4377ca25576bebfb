// Tuning the scorer against the TUNING part of the corpus only: ρ per dimension, the adversarial
// notes that escape the bottom, and the notes whose score ranks furthest from their label. It never
// loads a held-out note, label or figure, so nothing it prints can leak the held-out part into a
// tuning decision (the held-out figures come from corpus.test.ts, once, at the end of a round).
// The tuning part is itself split (tuning-split.json): `dev` notes may be read one by one; `check`
// only ever shows aggregate figures, so a change fitted to dev can be judged on notes it never met.
//
//   npx tsx test/scoring/tune.ts                        ρ and adversarial failures on dev
//   npx tsx test/scoring/tune.ts --part check           ρ and escape counts on check, nothing else
//   npx tsx test/scoring/tune.ts --worst businessFocus  the 20 notes ranked furthest off on it
//   npx tsx test/scoring/tune.ts --worst nextStep 40
//   npx tsx test/scoring/tune.ts --margin nextStep      lowest genuine ≥ 2 notes, highest fakes
//   npx tsx test/scoring/tune.ts --confusion           label against scorer level, per dimension
//   npx tsx test/scoring/tune.ts --confusion nextStep --cells   and the notes in each wrong cell
//   npx tsx test/scoring/tune.ts --show ca003           one dev note, its labels, scores and evidence
import { DIMENSIONS, scoreNote, type Dimension } from '../../service/src/features/scoring';
import {
  isHeldOut,
  loadFirstCorpus,
  loadLabels,
  loadTuningSplit,
  meanLabel,
  readJsonl,
  type CorpusNote,
  type TuningPart,
} from './corpus';
import { ESCAPE_CHECKS, evaluate, FIRST_CORPUS_RHO, type Evaluation } from './evaluate';

function loadTuningPart(part: TuningPart): CorpusNote[] {
  const labels = loadLabels('labels.jsonl');
  const ids = new Set(loadTuningSplit()[part]);
  return readJsonl<Omit<CorpusNote, 'labels'>>('notes.jsonl')
    .filter((entry) => !isHeldOut(entry.id) && ids.has(entry.id))
    .map((entry) => ({ ...entry, labels: labels.get(entry.id)! }));
}

/** The check part's figures: no note, label or per-note score, only what a decision needs. */
function checkSummary(corpus: CorpusNote[]): void {
  const evaluation = evaluate(corpus);
  console.log(`check part: ${corpus.length} notes`);
  for (const name of [...DIMENSIONS, 'overall' as const])
    console.log(`  ${name.padEnd(14)} ρ ${evaluation.rho[name].toFixed(3)}`);
  printEscapes(evaluation);
}

/** The escape count and, still an aggregate, how many failed each check (which floor holds them). */
function printEscapes(evaluation: Evaluation): void {
  const byCheck = ESCAPE_CHECKS.map((check) => `${check} ${evaluation.escapesByCheck[check]}`).join(', ');
  console.log(`adversarial failures: ${evaluation.adversarialFailures.length} (${byCheck})`);
}

/** Fractional ranks in [0, 1], ties sharing their mean position. */
function normalisedRanks(values: number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]!.value === order[i]!.value) j++;
    for (let k = i; k <= j; k++) result[order[k]!.index] = (i + j) / 2 / Math.max(1, values.length - 1);
    i = j + 1;
  }
  return result;
}

function summary(corpus: CorpusNote[]): void {
  const evaluation = evaluate(corpus);
  console.log(`dev part: ${corpus.length} notes, ${corpus.filter((e) => e.adversarial).length} adversarial`);
  for (const name of [...DIMENSIONS, 'overall' as const])
    console.log(`  ${name.padEnd(14)} ρ ${evaluation.rho[name].toFixed(3)}`);
  printEscapes(evaluation);
  console.log(`max adversarial overall: ${evaluation.maxAdversarialOverall}`);
  // the first corpus is a regression floor, not something to tune on: only whether it still holds
  const firstCorpusHolds = (['tuning', 'holdout'] as const).every((part) => {
    const rho = evaluate(loadFirstCorpus(part)).rho;
    return [...DIMENSIONS, 'overall' as const].every((name) => rho[name] >= FIRST_CORPUS_RHO);
  });
  console.log(`first corpus still ranked like its labels (ρ ≥ ${FIRST_CORPUS_RHO}): ${firstCorpusHolds}`);
  if (process.argv.includes('--failures'))
    for (const failure of evaluation.adversarialFailures) console.log(`  ${failure}`);
}

function worst(corpus: CorpusNote[], name: Dimension | 'overall', count: number): void {
  const results = corpus.map((entry) => scoreNote(entry.note));
  const labels = corpus.map((entry) => (name === 'overall' ? meanLabel(entry.labels) : entry.labels[name]));
  const scores = results.map((result) => (name === 'overall' ? result.overall : result.dimensions[name]));
  const labelRank = normalisedRanks(labels);
  const scoreRank = normalisedRanks(scores);
  const rows = corpus
    .map((entry, i) => ({ entry, label: labels[i]!, score: scores[i]!, off: scoreRank[i]! - labelRank[i]! }))
    .sort((a, b) => Math.abs(b.off) - Math.abs(a.off))
    .slice(0, count);
  for (const row of rows)
    console.log(
      `${row.entry.id.padEnd(7)} label ${String(row.label).padEnd(4)} score ${String(row.score).padStart(3)}  ` +
        `${row.off > 0 ? 'over ' : 'under'} ${Math.abs(row.off).toFixed(2)}  ${row.entry.style}` +
        (row.entry.adversarial ? ` [${row.entry.adversarial}]` : ''),
    );
}

/** The adversarial checks' margin: the lowest genuine notes labelled ≥ 2 and the highest fakes. */
function margin(corpus: CorpusNote[], name: Dimension, count: number): void {
  const rows = corpus.map((entry) => ({ entry, score: scoreNote(entry.note).dimensions[name] }));
  const genuine = rows
    .filter((r) => !r.entry.adversarial && r.entry.labels[name] >= 2)
    .sort((a, b) => a.score - b.score);
  const fakes = rows
    .filter((r) => r.entry.adversarial && r.entry.labels[name] <= 1)
    .sort((a, b) => b.score - a.score);
  console.log(`lowest genuine notes labelled ≥ 2 on ${name}:`);
  for (const r of genuine.slice(0, count))
    console.log(`  ${r.entry.id.padEnd(7)} label ${r.entry.labels[name]} score ${r.score}  ${r.entry.style}`);
  console.log(`highest adversarial notes labelled ≤ 1 on ${name}:`);
  for (const r of fakes.slice(0, count))
    console.log(
      `  ${r.entry.id.padEnd(7)} label ${r.entry.labels[name]} score ${r.score}  ${r.entry.adversarial}`,
    );
}

/** The level a score sits in (outcome.ts gives each level its own band). */
const levelOf = (score: number) => (score >= 90 ? 3 : score >= 70 ? 2 : score >= 35 ? 1 : 0);

/** Label against the level the scorer chose, per dimension, with the notes off by two or more. */
function confusion(corpus: CorpusNote[], name: Dimension): void {
  const table = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
  const ids = [0, 1, 2, 3].map(() => [0, 1, 2, 3].map(() => [] as string[]));
  const cells = new Set<string>();
  const far: string[] = [];
  for (const entry of corpus) {
    const level = levelOf(scoreNote(entry.note).dimensions[name]);
    table[entry.labels[name]]![level]!++;
    ids[entry.labels[name]]![level]!.push(entry.id);
    if (level !== entry.labels[name]) cells.add(`${entry.labels[name]}${level}`);
    if (Math.abs(level - entry.labels[name]) >= 2) far.push(`${entry.id}(${entry.labels[name]}→${level})`);
  }
  console.log(`${name}: rows label, columns scorer level`);
  table.forEach((row, label) => console.log(`  ${label}: ${row.map((n) => String(n).padStart(4)).join('')}`));
  console.log(`  off by two or more: ${far.join(' ')}`);
  if (args.includes('--cells'))
    for (const [label, level] of [...cells].sort().map((cell) => [...cell].map(Number) as [number, number]))
      console.log(`  label ${label} at level ${level}: ${ids[label]![level]!.join(' ')}`);
}

function show(corpus: CorpusNote[], id: string): void {
  const entry = corpus.find((e) => e.id === id);
  if (!entry) throw new Error(`${id} is not a dev note`);
  const result = scoreNote(entry.note);
  console.log(JSON.stringify(entry.note, null, 1));
  console.log(`style ${entry.style}${entry.adversarial ? `, adversarial: ${entry.adversarial}` : ''}`);
  for (const d of DIMENSIONS)
    console.log(`  ${d.padEnd(14)} label ${entry.labels[d]}  score ${result.dimensions[d]}`);
  console.log(`  overall        label ${meanLabel(entry.labels).toFixed(1)}  score ${result.overall}`);
  for (const e of result.evidence) console.log(`  ${e.dimension} ${e.effect} [${e.field}] ${e.text}`);
}

const args = process.argv.slice(2);
const at = (flag: string) => args.indexOf(flag);
const part = at('--part') >= 0 ? args[at('--part') + 1] : 'dev';
if (part !== 'dev' && part !== 'check') throw new Error(`--part is dev or check, not ${part}`);
const corpus = loadTuningPart(part);
if (part === 'check') checkSummary(corpus);
else if (at('--show') >= 0) show(corpus, args[at('--show') + 1]!);
else if (at('--worst') >= 0)
  worst(corpus, args[at('--worst') + 1] as Dimension | 'overall', Number(args[at('--worst') + 2]) || 20);
else if (at('--margin') >= 0)
  margin(corpus, args[at('--margin') + 1] as Dimension, Number(args[at('--margin') + 2]) || 10);
else if (at('--confusion') >= 0) {
  const only = args[at('--confusion') + 1];
  for (const d of DIMENSIONS) if (!only || only.startsWith('-') || only === d) confusion(corpus, d);
} else summary(corpus);
