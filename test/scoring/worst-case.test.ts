// The costliest notes the schema admits are scored in a bounded multiple of a typical note's CPU time
// (the bench reports the figure as scoring.worstCaseRatio; the target is 10x, asserted generously).
import { scoreNote, type ScoringInput } from '../../service/src/features/scoring';
import { benchNotes } from '../../scripts/bench/parts/scoring';
import { HOSTILE_SHAPES, hostileNote } from './hostile-notes';
import { loadCorpus } from './corpus';
import { boundedFields } from '../../service/src/features/scoring/bounded-text';

/** CPU milliseconds per note, the best of three passes over the notes (after one warm-up pass). */
function cpuMsPerNote(notes: ScoringInput[]): number {
  let best = Infinity;
  for (let pass = 0; pass < 4; pass++) {
    const start = process.cpuUsage();
    for (const note of notes) scoreNote(note);
    const used = process.cpuUsage(start);
    if (pass > 0) best = Math.min(best, (used.user + used.system) / 1000 / notes.length);
  }
  return best;
}

describe('the cost of one note', () => {
  const typical = cpuMsPerNote(benchNotes(60));

  test.each(Object.keys(HOSTILE_SHAPES))(
    'a note of %s at every limit costs under 30 typical notes',
    (shape) => {
      const cost = cpuMsPerNote([1, 2, 3].map((seed) => hostileNote(shape, seed)));
      expect(cost / typical).toBeLessThan(30);
    },
  );

  test('every corpus note is read as written, so bounding changes none of their scores', () => {
    for (const { note } of [...loadCorpus('tuning'), ...loadCorpus('heldOut')]) {
      const fields = [
        note.summary,
        note.customerView,
        note.ideas,
        note.nextStep,
        ...note.prompts.map((p) => p.text),
      ];
      const texts = fields.filter((t): t is string => !!t);
      expect(boundedFields(texts)).toEqual(texts);
    }
  });
});
