// The scorer's promises: deterministic, evidence that points at real text, a few concrete tips, and
// no points for negation, stuffing, length, filler or lecturing.
import { DEFAULT_WEIGHTS, DIMENSIONS, combineOverall, scoreNote, SCORER_VERSION, type ScoringInput } from '.';

const strongNote: ScoringInput = {
  occurredAt: '2026-11-19',
  prompts: [{ fromLibrary: true, reaction: 'new_to_them' }],
  summary:
    'Raised the shift of commercial payers toward prior-authorization automation and what it means for their surgical schedule next year. They had not connected it to cancelled procedures.',
  customerView:
    'Priya Nair (VP Revenue Cycle) says the CFO wants to cut denials before the budget review, while the surgical chiefs worry more about OR time lost to late authorizations. They chase authorizations by phone today because the last automation project stalled.',
  ideas:
    'Priya proposed starting with orthopedics; we added the idea of flagging cases ten days before surgery. Together we sketched a six-week pilot measuring cancelled cases and cash delay.',
  nextStep:
    'Working session with Priya and the scheduling lead to scope the pilot; Priya will bring last quarter’s cancellation list.',
  nextStepDate: '2026-12-03',
};

function fieldText(input: ScoringInput, field: string): string {
  const prompt = /^prompts\.(\d+)\.text$/.exec(field);
  if (prompt) return input.prompts[Number(prompt[1])]!.text!;
  return input[field as 'summary' | 'customerView' | 'ideas' | 'nextStep']!;
}

describe('scoreNote', () => {
  it('is deterministic and versioned', () => {
    expect(scoreNote(strongNote)).toEqual(scoreNote(structuredClone(strongNote)));
    expect(scoreNote(strongNote).scorerVersion).toBe(SCORER_VERSION);
  });

  it('scores a great collaborative note at the top level on every dimension', () => {
    const { dimensions, tips } = scoreNote(strongNote);
    for (const dimension of DIMENSIONS) expect(dimensions[dimension]).toBeGreaterThanOrEqual(90);
    expect(tips).toEqual([]);
  });

  it.each([
    ['a strong note', strongNote],
    [
      'an ad-hoc prompt and bullets',
      {
        prompts: [
          {
            fromLibrary: false,
            text: 'Will the new tariff squeeze their margins next year?',
            reaction: 'dismissed',
          },
        ],
        summary:
          '- Told them they must cut costs now.\n- They did not share their priorities.\n- No next step was set.',
        customerView: 'N/A',
        ideas: 'Together together synergy collaborate collaborate.',
      } satisfies ScoringInput,
    ],
  ])('gives evidence that is the exact text of the field it names (%s)', (_name, input) => {
    const { evidence } = scoreNote(input);
    expect(evidence.length).toBeGreaterThan(0);
    for (const item of evidence) {
      expect(fieldText(input, item.field).slice(item.start, item.end)).toBe(item.text);
      expect(item.text.trim()).toBe(item.text);
    }
  });

  it('gives at most three tips, weakest dimension first, each naming what to add', () => {
    const result = scoreNote({ summary: 'Status call about the contract redlines.', prompts: [] });
    expect(result.tips).toHaveLength(3);
    const scores = result.tips.map((tip) => result.dimensions[tip.dimension]);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
    for (const tip of result.tips)
      expect(tip.text).toMatch(
        /^(Ask|Raise|Write|Tie|Agree|Make|Note|Name|Get|Record|Capture|Shift|Replace)\b/,
      );
  });

  it('gives no points for status, pricing or a demo without prompts', () => {
    const { dimensions, evidence } = scoreNote({
      summary:
        'Demoed the dashboards and went through licence pricing and the discount for a three-year term.',
      prompts: [],
    });
    expect(dimensions.provocation).toBeLessThan(35);
    expect(dimensions.businessFocus).toBeLessThan(35);
    expect(evidence.some((item) => item.dimension === 'provocation' && item.effect === 'lowered')).toBe(true);
  });

  it('does not count negated statements, and says so in the evidence', () => {
    const negated = scoreNote({
      summary:
        'They did not share their priorities for next year and did not want to talk about the staffing budget. No next step was set.',
      prompts: [],
    });
    expect(negated.dimensions.customerView).toBeLessThan(35);
    expect(negated.dimensions.nextStep).toBeLessThan(35);
    const lowered = negated.evidence
      .filter((item) => item.effect === 'lowered')
      .map((item) => item.dimension);
    expect(lowered).toEqual(expect.arrayContaining(['customerView', 'nextStep']));
  });

  it('does not reward keyword stuffing', () => {
    const stuffed = scoreNote({
      summary:
        'Together together synergy collaborate co-create jointly. Revenue margin growth risk churn customers revenue.',
      customerView: 'Priorities initiatives priorities goals.',
      ideas: 'Together we collaborate collaborate together.',
      nextStep: 'Next step next step follow up.',
      prompts: [],
    });
    for (const dimension of DIMENSIONS) expect(stuffed.dimensions[dimension]).toBeLessThan(35);
    expect(
      stuffed.evidence.some((item) => item.effect === 'lowered' && item.dimension === 'collaboration'),
    ).toBe(true);
  });

  it('does not reward length, repetition or filler', () => {
    const short = scoreNote({ summary: 'They want to grow deposits by a fifth this year.', prompts: [] });
    const repeated = scoreNote({
      summary: Array(6).fill('They want to grow deposits by a fifth this year.').join(' '),
      prompts: [],
    });
    expect(repeated.dimensions).toEqual(short.dimensions);
    const filler = scoreNote({
      summary:
        'Great meeting. Various topics were discussed. Everyone was positive and the meeting ended on time. Good rapport, good vibe, lots of energy in the room and a really good chat overall.',
      customerView: 'N/A',
      ideas: 'None',
      nextStep: 'TBD',
      prompts: [],
    });
    expect(filler.overall).toBeLessThan(15);
    expect(filler.evidence.filter((item) => item.effect === 'lowered').length).toBeGreaterThan(0);
  });

  it('treats lecturing as a provocation without collaboration', () => {
    const { dimensions, tips, evidence } = scoreNote({
      prompts: [{ fromLibrary: true, reaction: 'new_to_them' }],
      summary:
        'Told them they must overhaul their coding program before the audit next year. We explained exactly what they should do.',
    });
    expect(dimensions.provocation).toBeGreaterThanOrEqual(90);
    expect(dimensions.collaboration).toBeLessThan(35);
    expect(tips.find((tip) => tip.dimension === 'collaboration')?.text).toMatch(/lecture/);
    expect(evidence.some((item) => item.dimension === 'collaboration' && item.effect === 'lowered')).toBe(
      true,
    );
  });

  it('counts reactions as the rubric says', () => {
    const withReaction = (reaction?: 'new_to_them' | 'redirected' | 'already_addressing' | 'dismissed') =>
      scoreNote({ summary: 'Call with the CFO.', prompts: [{ fromLibrary: true, reaction }] }).dimensions
        .provocation;
    expect(withReaction('new_to_them')).toBeGreaterThanOrEqual(90);
    expect(withReaction('redirected')).toBeGreaterThanOrEqual(90);
    expect(withReaction('already_addressing')).toBeGreaterThanOrEqual(70);
    expect(withReaction('dismissed')).toBeGreaterThanOrEqual(70);
    expect(withReaction('dismissed')).toBeLessThan(90);
    const generic = scoreNote({
      summary: 'Asked about their challenges.',
      prompts: [{ fromLibrary: false, text: 'What keeps you up at night?', reaction: 'new_to_them' }],
    });
    expect(generic.dimensions.provocation).toBeLessThan(70);
  });

  it('does not count a next-step date before the conversation', () => {
    const base = {
      summary: 'Reviewed the plan.',
      nextStep: 'Dana and Mark join a workshop with us to agree the pilot scope; Dana will bring the data.',
      occurredAt: '2026-11-15',
      prompts: [],
    };
    expect(scoreNote({ ...base, nextStepDate: '2026-12-01' }).dimensions.nextStep).toBeGreaterThanOrEqual(90);
    expect(scoreNote({ ...base, nextStepDate: '2026-10-01' }).dimensions.nextStep).toBeLessThan(90);
  });

  it('reads each field on its own terms although the fields are read as one document', () => {
    const nextStep = 'December workshop with Dana and Mark to agree the pilot scope.';
    const undated = scoreNote({ prompts: [], summary: 'They cut the backlog by a third', nextStep });
    // a number closing the summary does not put a day next to the month that opens the next step
    const numberBefore = scoreNote({ prompts: [], summary: 'They cut the backlog by 12', nextStep });
    const dated = scoreNote({
      prompts: [],
      summary: 'They cut the backlog by a third',
      nextStep: `December 12 ${nextStep.slice(9)}`,
    });
    expect(numberBefore.dimensions.nextStep).toBe(undated.dimensions.nextStep);
    expect(dated.dimensions.nextStep).toBeGreaterThan(undated.dimensions.nextStep);
    // a sentence left open at the end of one field does not run into the next
    const open = {
      prompts: [],
      summary: 'They did not share',
      customerView: 'Priya wants to cut denials before the budget review',
    };
    const closed = { ...open, summary: 'They did not share.' };
    expect(scoreNote(open)).toEqual(scoreNote(closed));
  });

  it('combines the dimensions with the weights it is given', () => {
    const result = scoreNote(strongNote, { ...DEFAULT_WEIGHTS, nextStep: 0 });
    const expected = Math.round(
      (result.dimensions.provocation +
        result.dimensions.customerView +
        result.dimensions.collaboration +
        result.dimensions.businessFocus) /
        4,
    );
    expect(result.overall).toBe(expected);
  });
});

describe('whose words and whose work', () => {
  const note = (summary: string): ScoringInput => ({ prompts: [], summary, occurredAt: '2026-11-02' });
  const score = (summary: string) => scoreNote(note(summary)).dimensions;

  it('tops collaboration when we take our part in their idea, or they refine ours', () => {
    expect(
      score('Treasurer proposed a planned-giving pilot with 20 legacy donors, we model the revenue gap.')
        .collaboration,
    ).toBeGreaterThanOrEqual(90);
    expect(
      score(
        'I mentioned that some hospitals screen for coverage at scheduling. Nadia built on that and said they could flag every visit due for renewal.',
      ).collaboration,
    ).toBeGreaterThanOrEqual(90);
    // two ideas side by side are back and forth, not one plan
    expect(
      score('He suggested auto-clearing the income conditions, we suggested the appraisal conditions.')
        .collaboration,
    ).toBeLessThan(90);
  });

  it('does not take a consequence of our argument in a modal for their idea', () => {
    expect(
      score(
        'Presented the shift to dynamic slot fees. If peak slots cost more, their margin on the peak shifts could disappear.',
      ).collaboration,
    ).toBeLessThan(70);
  });

  it('reads prices and contracts with their own customers as their business, not our deal', () => {
    const theirs = score(
      'She told me their priority is to keep the price for the big retailers stable because the contracts with retailers are fixed for one year and the margin is thin.',
    );
    const ours = score('We went through the price and the contract terms for the renewal.');
    expect(theirs.businessFocus).toBeGreaterThan(ours.businessFocus);
  });

  it('counts what we told them they must do as background, not a conversation about their business', () => {
    const lecture = score(
      'We explained that their routing is inefficient and that they must adopt dynamic routing this quarter or they will lose their retail customers and margin.',
    );
    expect(lecture.businessFocus).toBeGreaterThanOrEqual(35);
    expect(lecture.businessFocus).toBeLessThan(70);
    expect(lecture.customerView).toBe(0);
  });

  it('reads the fees and prices of an issue we raise as their market, not our deal', () => {
    const raised = scoreNote({
      occurredAt: '2026-11-02',
      prompts: [
        {
          fromLibrary: false,
          text: 'Port congestion fees are moving to dynamic pricing',
          reaction: 'new_to_them',
        },
      ],
      summary:
        'Presented to their leadership: the big container terminals are moving appointment fees to dynamic pricing, and their drayage margins depend on slots they do not control. If peak slots cost more, their margin on the peak shifts could disappear.',
    }).dimensions;
    expect(raised.businessFocus).toBeGreaterThanOrEqual(70);
  });

  it('gives nothing for the business talk of a prompt we never got to raise', () => {
    const never = scoreNote({
      occurredAt: '2026-11-02',
      prompts: [
        {
          fromLibrary: false,
          text: 'Interest-rate reset on their floating debt will squeeze cash next year',
          reaction: 'new_to_them',
        },
      ],
      summary: 'We never got to raise the rate reset; the call was all about the renewal quote.',
    });
    expect(never.dimensions.businessFocus).toBeLessThan(35);
    expect(never.overall).toBeLessThanOrEqual(15);
  });

  it('gives a logistics call no inside view and no business focus from the summary alone', () => {
    const logistics = score(
      'Call with their procurement lead about the delivery schedule, pallet labels and invoice format. They want deliveries on Tuesdays and invoices monthly.',
    );
    expect(logistics.customerView).toBeLessThan(70);
    expect(logistics.businessFocus).toBeLessThan(70);
  });

  it("credits the customer's own idea, and the plan we build on it", () => {
    const idea =
      'Discussed scrap on the stamping line with Tomas, the plant manager. He proposed running it in two plants first';
    expect(score(`${idea}.`).collaboration).toBeGreaterThanOrEqual(70);
    expect(
      score(`${idea}, and we agreed to build the cost model for both.`).collaboration,
    ).toBeGreaterThanOrEqual(90);
  });

  it('keeps moods, one-word headings and deal asks at the vague level of customer view', () => {
    const view = (customerView: string) =>
      scoreNote({ prompts: [], summary: 'Call with the treasurer.', customerView }).dimensions.customerView;
    expect(view('Paul said they are happy with their current setup.')).toBeLessThan(70);
    expect(view('Priorities. Who wants what. Disagreement.')).toBe(0);
    const asks = view(
      'They want the liability cap raised to 24 months of fees. They want the 2026 price held until March. Procurement wants the payment schedule quarterly.',
    );
    expect(asks).toBeGreaterThanOrEqual(35);
    expect(asks).toBeLessThan(45);
  });
});

describe('combineOverall', () => {
  const dimensions = { provocation: 100, customerView: 0, collaboration: 50, businessFocus: 50, nextStep: 0 };

  it('is the weighted mean, rounded to an integer 0–100', () => {
    expect(combineOverall(dimensions, DEFAULT_WEIGHTS)).toBe(40);
    expect(combineOverall(dimensions, { ...DEFAULT_WEIGHTS, provocation: 3 })).toBe(57);
    const onlyProvocation = {
      provocation: 1,
      customerView: 0,
      collaboration: 0,
      businessFocus: 0,
      nextStep: 0,
    };
    expect(combineOverall(dimensions, onlyProvocation)).toBe(100);
  });

  it('rejects negative weights and all-zero weights', () => {
    expect(() => combineOverall(dimensions, { ...DEFAULT_WEIGHTS, nextStep: -1 })).toThrow(/non-negative/);
    const zero = { provocation: 0, customerView: 0, collaboration: 0, businessFocus: 0, nextStep: 0 };
    expect(() => combineOverall(dimensions, zero)).toThrow(/greater than 0/);
  });
});
