// Business focus reads prices and contracts by whose they are: the customer's own trade and the
// market a provocation names are their business, our price and the contract with us are the deal.
import { scoreNote, type ScoringInput } from '.';

const score = (summary: string) =>
  scoreNote({ prompts: [], summary, occurredAt: '2026-11-02' } as ScoringInput).dimensions.businessFocus;

describe('prices and contracts the customer holds with their own buyers and suppliers', () => {
  it('are their trade when they say it or the clause says "their"', () => {
    expect(
      score(
        'Met Ines. Their contracts with the shops fix the price of cheese, and the price of milk moves every month.',
      ),
    ).toBeGreaterThanOrEqual(70);
  });

  it('stay our deal when we are in the clause', () => {
    expect(
      score('Met Ines. We went through our price list and the contract with us; she wants a discount.'),
    ).toBeLessThan(35);
  });
});

describe('the provocation we raised', () => {
  it('is about their market, whatever prices or contracts it names', () => {
    const note = {
      prompts: [
        {
          fromLibrary: false,
          text: 'Barley price volatility vs annual supermarket contracts and discounts',
          reaction: 'new_to_them' as const,
        },
      ],
      summary: 'Met Bram at the brewery. He said the barley harvest was poor and their margin is thin.',
      occurredAt: '2026-11-02',
    };
    expect(scoreNote(note).dimensions.businessFocus).toBeGreaterThanOrEqual(70);
  });
});
