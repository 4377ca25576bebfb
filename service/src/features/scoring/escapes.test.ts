// Guards kept from the reverted 2026-12-03 round (branch scorer4): a concrete next step with a
// named person on their side or a date stays at level 2, and their own trade counts as business
// while our price and the contract with us stay the deal. The round's tests of the rules it added
// went with those rules; they are in the branch history for the next round.
import { scoreNote, type ScoringInput } from '.';

const base: ScoringInput = { prompts: [], summary: 'Call with the plant team.', occurredAt: '2026-11-02' };
const score = (input: Partial<ScoringInput>) => scoreNote({ ...base, ...input }).dimensions;

describe('a next step one side takes', () => {
  it('reaches level 2 with a named person on their side or a date', () => {
    expect(
      score({ nextStep: 'Jonas will pull the returns data for the model.' }).nextStep,
    ).toBeGreaterThanOrEqual(70);
    expect(
      score({ nextStep: 'The client will look over our offer.', nextStepDate: '2026-11-09' }).nextStep,
    ).toBeGreaterThanOrEqual(70);
  });
});

describe('prices and contracts', () => {
  it('count as their business when they are the price of what they buy or sell', () => {
    const trade = score({
      summary:
        'I asked how the price of cocoa beans affects them. She said their contracts with the supermarket chains fix the shelf price for a year, so the margin takes every swing.',
    });
    expect(trade.businessFocus).toBeGreaterThanOrEqual(70);
  });

  it('stay the deal when they are our price or the contract with us', () => {
    const deal = score({
      summary:
        'Went over the price of our licence and the contract terms. They want a discount for three years.',
    });
    expect(deal.businessFocus).toBeLessThan(35);
  });
});
