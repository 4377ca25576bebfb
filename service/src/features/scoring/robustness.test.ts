// The failure modes seen on notes the scorer was not tuned on, each written here in sentences of our
// own: cue words listed in a sentence frame, a logistics summary with no customer's view, next steps
// as noun phrases or two clauses, a redirection told in words, a raise only planned, and an idea that
// was the customer's own.
import { scoreNote, type ScoringInput } from '.';

const base: ScoringInput = { prompts: [], summary: 'Call with the plant team.', occurredAt: '2026-11-02' };
const score = (input: Partial<ScoringInput>) => scoreNote({ ...base, ...input }).dimensions;

describe('cue words listed without a sentence', () => {
  it('earns nothing for the same short frame around a different cue word each time', () => {
    const frames = score({
      summary: 'Covered churn. Covered margin. Covered revenue. Covered cost. Covered growth.',
    });
    expect(frames.businessFocus).toBe(0);
    const facts = score({
      summary:
        'Their churn doubled in Ohio. Margins fell to 3% after the freight rates rose. Revenue per store is flat.',
    });
    expect(facts.businessFocus).toBeGreaterThanOrEqual(35);
  });

  it('earns nothing for a run of cue words joined by "and" or commas, or for a bare list under a heading', () => {
    expect(
      score({ customerView: 'She cares about growth and cost and margin and quality and risk.' })
        .customerView,
    ).toBe(0);
    const form = score({ customerView: 'Goals: revenue, retention. Limits: budget, headcount.' });
    expect(form.customerView).toBe(0);
    expect(form.businessFocus).toBe(0);
    expect(
      score({ customerView: 'She worries that scrap on the night shift costs them 2% of margin.' })
        .customerView,
    ).toBeGreaterThanOrEqual(70);
  });
});

describe('a logistics summary with no customer view', () => {
  it('gives no inside view for what we went through, listed after a colon', () => {
    const view = score({
      summary:
        'Went through rollout logistics: badge access, laptop images, and the cut-over Saturday for the 25 depot drivers.',
    }).customerView;
    expect(view).toBeLessThan(70);
  });

  it('does not take a customer confirming a booked date for their view', () => {
    const view = score({
      summary: 'Chat with their site lead; he confirmed 2 bays free, forklift booked for the 9th.',
    }).customerView;
    expect(view).toBeLessThan(70);
  });
});

describe('next steps as noun phrases and as two clauses', () => {
  it('reads a dated meeting with a named customer person after a "Next:" heading, or on its own', () => {
    expect(
      score({
        summary: 'Long talk about yield. Next: line audit with Rafael, their plant manager, on Friday.',
      }).nextStep,
    ).toBeGreaterThanOrEqual(90);
    expect(
      score({ summary: 'Long talk about yield. Line audit with Rafael, their plant manager, on Friday.' })
        .nextStep,
    ).toBeGreaterThanOrEqual(70);
  });

  it('credits each side doing its part in a summary, and a customer arranging the meeting', () => {
    expect(
      score({ summary: 'Good session on scrap. She books the plant tour; we bring the yield numbers.' })
        .nextStep,
    ).toBeGreaterThanOrEqual(70);
    expect(
      score({ nextStep: 'He sets up the call with finance; I prepare the savings case.' }).nextStep,
    ).toBeGreaterThanOrEqual(70);
  });

  it('takes a customer asking us to act, and a customer arranging it, for a step', () => {
    expect(
      score({ ideas: 'Jonas wants us to walk his planners through the demand model; he will set it up.' })
        .nextStep,
    ).toBeGreaterThanOrEqual(70);
  });
});

describe('provocation that redirected or was only planned', () => {
  it('tops a raise after which the customer turned the talk to what really worries them', () => {
    expect(
      score({
        summary:
          'I brought up the rising cold-chain insurance premiums next year; she steered the talk to her real concern, losing drivers to parcel firms.',
      }).provocation,
    ).toBeGreaterThanOrEqual(90);
    expect(
      score({
        summary:
          'Flagged that the 2027 carbon levy will hit their fleet costs. He said the bigger problem is that nobody will drive nights anymore.',
      }).provocation,
    ).toBeGreaterThanOrEqual(90);
  });

  it('keeps a raise that was only planned, or never came up, low whatever reaction was ticked', () => {
    const prompts = [
      {
        fromLibrary: false,
        text: 'Grid tariff reform next year will double peak charges',
        reaction: 'new_to_them' as const,
      },
    ];
    for (const summary of [
      'My plan was to raise the grid tariff reform next year. We spent the hour on the renewal.',
      'Would have liked to challenge them on the coming grid tariff reform; maybe next call.',
      'Had the grid tariff reform on my list for today; it never came up.',
    ])
      expect(score({ summary, prompts }).provocation).toBeLessThan(35);
  });
});

describe("the customer's own idea", () => {
  it('counts an idea that was theirs as collaboration, however it is said', () => {
    for (const ideas of [
      'It was her idea to start with the returns desk.',
      'The CFO floated piloting it with the Nordic branches first.',
      'He wants to try it on two packing lines first and then decide.',
    ])
      expect(score({ ideas }).collaboration).toBeGreaterThanOrEqual(70);
    expect(score({ ideas: 'He wants a lower price on the second year.' }).collaboration).toBeLessThan(70);
    expect(score({ ideas: 'Their COO wants to see it on the March volumes.' }).collaboration).toBeLessThan(
      70,
    );
  });

  it('tops their idea when we take on our part of it, not when we only explain or did something', () => {
    const idea = 'The depot manager proposed trialling night loading at the Leeds site';
    expect(
      score({ ideas: `${idea}; we model the overtime savings for both shifts.` }).collaboration,
    ).toBeGreaterThanOrEqual(90);
    expect(
      score({ ideas: `${idea}. We would size the forklift fleet for it.` }).collaboration,
    ).toBeGreaterThanOrEqual(90);
    expect(score({ ideas: `${idea}; we explain how the planner works.` }).collaboration).toBeLessThan(90);
    expect(score({ ideas: `${idea}. We sent the brochure.` }).collaboration).toBeLessThan(90);
  });
});

describe('business focus', () => {
  it('does not count who was there, when, or what kind of talk it was as their business', () => {
    const smallTalk = score({
      summary:
        'Catch-up with the finance director and the operations manager: general discussion about their plans for next year, good chat.',
    });
    expect(smallTalk.businessFocus).toBeLessThan(70);
    const business = score({
      summary:
        'Their finance director says freight costs ate 2 points of margin and two grocery chains are moving volume to a rival.',
    });
    expect(business.businessFocus).toBeGreaterThanOrEqual(70);
  });

  it('does not count the words of a provocation the note says never came up', () => {
    const prompts = [
      {
        fromLibrary: false,
        text: 'Rising reinsurance premiums will squeeze their margins on coastal property',
        reaction: 'new_to_them' as const,
      },
    ];
    const planned = score({
      summary:
        'Quick call about the invoice. Meant to raise the reinsurance squeeze but never got the chance.',
      prompts,
    });
    expect(planned.businessFocus).toBeLessThan(35);
    const raised = score({
      summary: 'Quick call about the invoice, then raised the reinsurance squeeze on coastal property.',
      prompts,
    });
    expect(raised.businessFocus).toBeGreaterThan(planned.businessFocus);
  });
});
