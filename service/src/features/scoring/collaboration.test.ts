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

describe('an idea their possessive gives to the customer', () => {
  const summary = (owner: string) =>
    `Talked with the transport planner about empty return trips. We walked through the depot map, ${owner} idea was to pool the returns with the bakery next door.`;

  it('counts "her idea" in a comma splice as their contribution', () => {
    expect(collaboration({ summary: summary('her') })).toBeGreaterThanOrEqual(70);
    expect(collaboration({ summary: summary('their') })).toBeGreaterThanOrEqual(70);
  });

  it('does not count our own idea', () => {
    expect(collaboration({ summary: summary('our') })).toBeLessThan(70);
    expect(collaboration({ summary: summary('my') })).toBeLessThan(70);
  });
});
