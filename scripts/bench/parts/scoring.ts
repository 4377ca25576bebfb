// Scoring throughput on one core: notes per second on 150–250-word notes, and how much time the
// scorer takes compared with a bare wink-nlp pass over the same fields (readDoc + reading tokens once).
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { scoreNote, type ScoringInput } from '../../../service/src/domain/scoring';
import { NLP_PIPELINE } from '../../../service/src/domain/scoring/read-text';
import type { BenchFigures } from './index';

const WARM_UP_MS = 1000;
const MEASURE_MS = 3000;
const NOTE_COUNT = 200;

// Sentence pools the bench notes are assembled from, so notes differ in content, length and quality.
const SUMMARY = [
  'Raised the risk that new tariffs on imported components will squeeze their margins next year.',
  'They had not considered how the retailer consolidation will shift promotion leverage to the two biggest chains.',
  'We walked through the dashboard, the integration options and the licence tiers.',
  'Their operations director said scrap rates doubled since the die supplier changed in spring.',
  'Dana suggested starting with the two plants that have the most unplanned downtime.',
  'Together we sketched a six-week pilot that measures cash collected and cancelled orders.',
  'The CFO wants to cut agency spend while the nursing lead is pushing for a retention program.',
  'Pricing came up briefly and we agreed to park it until the pilot is scoped.',
  'They did not share their budget for next year and would not discuss the hiring freeze.',
  'Mark added that the rural clinics have the worst denial rate because coding is done by hand.',
  'I pointed out that the new reporting rules will expose their supplier emissions data to their largest customers.',
  'Everyone was positive and the meeting ended on time with a good feeling overall.',
];
const CUSTOMER_VIEW = [
  'Priya says the board wants profitability by next year, so hiring is frozen and the backlog keeps growing.',
  'Today they reconcile claims in a spreadsheet owned by one analyst because the last automation project stalled.',
  'Sales fears losing two key accounts during requalification; the plant manager wants to keep the old line.',
  'They seem happy with the current vendor.',
];
const IDEAS = [
  'Luis proposed combining their meter data with our load forecasts; we added a ranking of feeders by overload hours.',
  'We asked how they qualify new grades today and they suggested a shared plan with the two key accounts.',
];
const NEXT_STEPS = [
  'Working session with Priya and the finance partner on December 8; Priya will bring the Q3 invoices.',
  'Send the proposal and follow up next week.',
  'Dana and Mark join a workshop with us on March 4 to agree the pilot scope.',
];

/** Deterministic pseudo-random numbers (mulberry32), so every run benches the same notes. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
const noteWords = (note: ScoringInput) =>
  [note.summary, note.customerView, note.ideas, note.nextStep].reduce(
    (n, text) => n + wordCount(text ?? ''),
    0,
  );

function pick<T>(pool: T[], random: () => number): T {
  return pool[Math.floor(random() * pool.length)]!;
}

/** Notes of 150–250 words: a customer view, ideas and a next step, then summary sentences to length. */
export function benchNotes(count: number, seed = 7): ScoringInput[] {
  const random = randomSource(seed);
  const notes: ScoringInput[] = [];
  while (notes.length < count) {
    const targetWords = 150 + Math.floor(random() * 100);
    const note: ScoringInput = {
      summary: '',
      customerView: pick(CUSTOMER_VIEW, random),
      ideas: pick(IDEAS, random),
      nextStep: pick(NEXT_STEPS, random),
      nextStepDate: '2026-12-08',
      occurredAt: '2026-11-20',
      prompts: [{ fromLibrary: true, reaction: random() < 0.5 ? 'new_to_them' : 'already_addressing' }],
    };
    const sentences: string[] = [];
    while (noteWords({ ...note, summary: sentences.join(' ') }) < targetWords)
      sentences.push(pick(SUMMARY, random));
    note.summary = sentences.join(' ');
    if (noteWords(note) <= 250) notes.push(note);
  }
  return notes;
}

/** Runs `work` over the notes round-robin: warm-up first, then at least MEASURE_MS; returns ms per note. */
function msPerNote(notes: ScoringInput[], work: (note: ScoringInput) => void): number {
  const run = (budgetMs: number) => {
    const start = performance.now();
    let done = 0;
    while (performance.now() - start < budgetMs) {
      for (const note of notes) work(note);
      done += notes.length;
    }
    return (performance.now() - start) / done;
  };
  run(WARM_UP_MS);
  return run(MEASURE_MS);
}

export async function runScoringBench(): Promise<BenchFigures> {
  const notes = benchNotes(NOTE_COUNT);
  const nlp = winkNLP(model, [...NLP_PIPELINE]);
  const its = nlp.its;
  const bareRead = (note: ScoringInput) => {
    for (const text of [note.summary, note.customerView, note.ideas, note.nextStep]) {
      if (text) nlp.readDoc(text).tokens().out(its.value);
    }
  };
  const scorerMs = msPerNote(notes, (note) => scoreNote(note));
  const nlpMs = msPerNote(notes, bareRead);
  const words = notes.reduce((n, note) => n + noteWords(note), 0) / notes.length;
  process.stdout.write(
    `scored ${notes.length} distinct notes of ${Math.round(words)} words on average: ` +
      `${scorerMs.toFixed(3)} ms per note, bare NLP pass ${nlpMs.toFixed(3)} ms\n`,
  );
  return {
    'scoring.notesPerSecond': Math.round(1000 / scorerMs),
    'scoring.ratioToNlpPass': Number((scorerMs / nlpMs).toFixed(2)),
  };
}
