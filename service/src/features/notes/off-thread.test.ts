// Long notes are scored on the worker pool, short ones inline, with the same answer either way.
import { assessNote, DEFAULT_WEIGHTS } from '../scoring';
import { closeWorkerPool, workerPool } from '../../platform/worker-pool';
import { INLINE_CHARS, scoreOffThread } from './off-thread';
import { scoringInputOf } from './notes';

const WEIGHTS = DEFAULT_WEIGHTS;

const note = (summary: string) => ({
  occurredAt: '2026-11-30',
  summary,
  customerView: 'Priya says the board wants profitability by next year, so hiring is frozen.',
  ideas: null,
  nextStep: 'Working session with Priya and the finance partner on December 8.',
  nextStepDate: '2026-12-08',
  prompts: [],
});

const SHORT = note(
  'Raised the risk that new tariffs will squeeze their margins next year; Priya had not considered it.',
);
const LONG = note(
  Array.from(
    { length: 40 },
    (_, i) => `Point ${i}: we challenged how their call centre plans for peaks.`,
  ).join(' '),
);

describe('scoring off the request thread', () => {
  beforeEach(() => closeWorkerPool());
  afterAll(() => closeWorkerPool());

  test('when a note is short, then it is scored inline and no thread starts', async () => {
    const [score] = await scoreOffThread('t1', [SHORT], WEIGHTS);
    expect(score).toEqual(assessNote(scoringInputOf(SHORT), WEIGHTS));
    expect(workerPool().stats().threads).toBe(0);
  });

  test('when one long note comes while no thread is ready, then it is scored inline and a thread warms up', async () => {
    const [score] = await scoreOffThread('t1', [LONG], WEIGHTS);
    expect(score).toEqual(assessNote(scoringInputOf(LONG), WEIGHTS));
    expect(workerPool().stats().threads).toBe(1);
  });

  test('when notes are long, then a pool thread scores them, in order, as inline scoring would', async () => {
    expect(LONG.summary.length).toBeGreaterThan(INLINE_CHARS);
    const scores = await scoreOffThread('t1', [LONG, SHORT], WEIGHTS);
    expect(workerPool().stats().threads).toBeGreaterThan(0);
    expect(scores).toEqual([LONG, SHORT].map((n) => assessNote(scoringInputOf(n), WEIGHTS)));
  });
});
