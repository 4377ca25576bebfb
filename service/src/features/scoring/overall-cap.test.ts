// A note with nothing from the customer's side, or with nothing beyond status, stays in the bottom
// quarter overall, unless the tenant weighs none of the dimensions that say so.
import { DEFAULT_WEIGHTS, scoreNote, type ScoringInput } from '.';

const lecture: ScoringInput = {
  prompts: [{ fromLibrary: true, reaction: 'new_to_them' }],
  summary:
    'We told them plainly that new flood rules will cut their margins next year and that they must relocate two substations before the storm season. Explained the regulator will fine them.',
};

describe('overall cap', () => {
  it('keeps a one-way lecture in the bottom quarter although it scores on provocation', () => {
    const result = scoreNote(lecture);
    expect(result.dimensions.provocation).toBeGreaterThanOrEqual(70);
    expect(result.dimensions.customerView).toBeLessThan(35);
    expect(result.overall).toBeLessThanOrEqual(25);
  });

  it('leaves the overall equal to the only weighted dimension', () => {
    const onlyProvocation = {
      ...DEFAULT_WEIGHTS,
      customerView: 0,
      collaboration: 0,
      businessFocus: 0,
      nextStep: 0,
    };
    const result = scoreNote(lecture, onlyProvocation);
    expect(result.overall).toBe(result.dimensions.provocation);
  });
});
