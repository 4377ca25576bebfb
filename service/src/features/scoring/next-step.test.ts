// Next steps as reps write them: noun phrases, two clauses, inside a dictated run-on sentence.
import { scoreNote, type ScoringInput } from '.';

const base: ScoringInput = { prompts: [], summary: 'Call with the plant team.', occurredAt: '2026-11-02' };
const nextStep = (input: Partial<ScoringInput>) => scoreNote({ ...base, ...input }).dimensions.nextStep;

describe('next step', () => {
  it('tops a dated noun phrase that names the customer person meeting us', () => {
    expect(nextStep({ nextStep: 'Design review with Ana, their CTO, on the 14th.' })).toBeGreaterThanOrEqual(
      90,
    );
    expect(nextStep({ nextStep: 'Design review on the 14th.' })).toBeLessThan(90);
  });

  it('credits a step written as two clauses, each side doing its part', () => {
    expect(
      nextStep({ nextStep: 'He books the site visit; we bring the cost model.' }),
    ).toBeGreaterThanOrEqual(70);
    expect(
      nextStep({
        nextStep: 'Marta books the site visit; we bring the cost model.',
        nextStepDate: '2026-11-20',
      }),
    ).toBeGreaterThanOrEqual(90);
  });

  it('finds a dated step inside a dictated run-on summary', () => {
    const summary =
      'met the head of distribution neil he said the orphaned policies worry him he proposed a pilot in the midwest he gets the data from ops by the 30th and we build the lapse model';
    expect(nextStep({ summary })).toBeGreaterThanOrEqual(90);
    expect(nextStep({ summary: summary.replace(' by the 30th', '') })).toBeLessThan(90);
  });

  it('keeps a promise reported in passing, or a step refused, low', () => {
    expect(nextStep({ summary: 'Her chief of staff said she would send me their store list.' })).toBeLessThan(
      70,
    );
    expect(nextStep({ summary: 'We did not set up a next meeting; Erik wants to think about budget.' })).toBe(
      0,
    );
  });

  it('does not take a description in the future tense for a step', () => {
    const summary =
      'Their biggest customer has been piloting digital passports, and every machined part will need traceability down to the machine it ran on.';
    expect(nextStep({ summary })).toBe(0);
  });
});

describe('next step dates and headings', () => {
  it('reads abbreviated weekdays, "in a week" and "end of the week" as plannable dates', () => {
    for (const when of ['Thu', 'in a week', 'by end of the week'])
      expect(nextStep({ nextStep: `Ana (their CTO) sends the volumes ${when}.` })).toBeGreaterThanOrEqual(90);
    expect(nextStep({ nextStep: 'Ana (their CTO) sends the volumes a week.' })).toBeLessThan(90);
  });

  it('takes a step arranged in the past tense for a later date, and an action-items heading', () => {
    expect(
      nextStep({ summary: 'Booked a workshop with Ana, their CTO, for Thu 12/3.' }),
    ).toBeGreaterThanOrEqual(90);
    expect(nextStep({ summary: 'Booked a workshop with Ana, their CTO, last year.' })).toBe(0);
    expect(nextStep({ summary: 'Good call. Action items: send the deck to Ana.' })).toBeGreaterThanOrEqual(
      70,
    );
  });
});

describe('next step: durations and vague promises', () => {
  it('does not take a duration for a date', () => {
    const summary = 'They take six weeks to onboard a client and lose deals to fintechs.';
    expect(nextStep({ summary })).toBe(0);
    expect(nextStep({ nextStep: 'Ana (their CTO) sends the volumes in two weeks.' })).toBeGreaterThanOrEqual(
      90,
    );
  });

  it('keeps "she looks into it and gets back" vague although the customer is its subject', () => {
    expect(nextStep({ nextStep: 'She looks into it and gets back.' })).toBeLessThan(70);
    expect(nextStep({ nextStep: 'She sends the claims data to our analyst.' })).toBeGreaterThanOrEqual(70);
  });
});

describe('next step: plain follow-ups', () => {
  it('counts "Will follow up" as a vague step, and next-step words said over and over as none', () => {
    const followUp = nextStep({ summary: 'Pricing discussed, they want a 3yr term. Will follow up.' });
    expect(followUp).toBeGreaterThanOrEqual(35);
    expect(followUp).toBeLessThan(70);
    expect(nextStep({ nextStep: 'Next step next step follow up.' })).toBe(0);
  });
});
