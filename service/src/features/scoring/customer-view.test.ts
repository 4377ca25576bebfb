// Customer view in a note that is mostly the deal: what they ask of the contract is not their inside view.
import { scoreNote, type ScoringInput } from '.';

const customerView = (summary: string) =>
  scoreNote({ prompts: [], summary, occurredAt: '2026-11-02' } as ScoringInput).dimensions.customerView;

describe('a note that is mostly price, contract and logistics', () => {
  it('earns no more than level 1 for what the customer wants of the deal', () => {
    expect(
      customerView(
        'Renewal call with Greta from procurement. We went through the quote and the licence tiers. ' +
          'She wants the price held for 2027 and net 60 payment terms on every invoice. ' +
          'They asked whether the pallets can arrive on Tuesdays only, because their loading dock has two people on Mondays. ' +
          'We covered the order form and the purchase order numbers.',
      ),
    ).toBeLessThan(70);
  });

  it('still credits an inside view when the deal is only part of the note', () => {
    expect(
      customerView(
        'Met Greta, their head of plant operations. She said scrap on line 2 doubled since the new resin supplier, ' +
          'and maintenance blames quality while quality blames the resin. They asked about our price.',
      ),
    ).toBeGreaterThanOrEqual(70);
  });
});
