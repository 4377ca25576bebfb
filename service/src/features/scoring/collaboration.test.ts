// Collaboration: a customer's idea with only our part to follow is back-and-forth, not yet a plan
// worked out together.
import { scoreNote, type ScoringInput } from '.';

const collaboration = (input: Partial<ScoringInput>) =>
  scoreNote({ prompts: [], occurredAt: '2026-11-02', ...input } as ScoringInput).dimensions.collaboration;

describe("a customer's idea followed by a step", () => {
  it('stays below level 3 when only our side acts', () => {
    const summary =
      'Met Hedda, their logistics director. Hedda proposed trialling night deliveries at the two city stores first.';
    expect(collaboration({ summary, nextStep: 'We cost the night shifts.' })).toBeGreaterThanOrEqual(70);
    expect(collaboration({ summary, nextStep: 'We cost the night shifts.' })).toBeLessThan(90);
  });
});
