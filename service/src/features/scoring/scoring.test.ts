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
