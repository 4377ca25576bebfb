// Business focus reads prices and contracts by whose they are: the customer's own trade is their
// business, our price and the contract with us are the deal.
import { scoreNote, type ScoringInput } from '.';

const score = (summary: string) =>
  scoreNote({ prompts: [], summary, occurredAt: '2026-11-02' } as ScoringInput).dimensions.businessFocus;

describe('prices and contracts the customer holds with their own buyers and suppliers', () => {
  it('are their trade when they say it or the clause says "their"', () => {
    expect(
      score('Met Ines. Their contracts with the shops fix the price of cheese, and the price of milk moves every month.'),
    ).toBeGreaterThanOrEqual(70);
  });

  it('stay our deal when we are in the clause', () => {
    expect(score('Met Ines. We went through our price list and the contract with us; she wants a discount.')).toBeLessThan(
      35,
    );
  });
});
