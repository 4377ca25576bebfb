// Collaboration at the top level: the customer's idea, then a plan in which each side has its part.
import { scoreNote, type ScoringInput } from '.';

const collaboration = (input: Partial<ScoringInput>) =>
  scoreNote({ prompts: [], occurredAt: '2026-11-02', ...input } as ScoringInput).dimensions.collaboration;

const idea =
  'Met Hedda, their logistics director. Hedda proposed trialling night deliveries at the two city stores first.';

describe("a customer's idea followed by a plan", () => {
  it('reaches level 3 when one sentence gives each side its part', () => {
    expect(
      collaboration({
        summary: idea,
        nextStep: 'Hedda clears it with the store managers; we cost the night shifts.',
      }),
    ).toBeGreaterThanOrEqual(90);
  });

  it('stays at level 2 when only one side acts', () => {
    expect(collaboration({ summary: idea, nextStep: 'We cost the night shifts.' })).toBeLessThan(90);
  });
});
