// Reading a note statement by statement: run-on dictation, who is speaking, and text that names
// nothing. Each case is a way a note earned credit it should not have, or missed credit it should.
import { scoreNote, type ScoringInput } from '.';

const note = (fields: Partial<ScoringInput>): ScoringInput => ({ summary: '', prompts: [], ...fields });

describe('statements of a run-on note', () => {
  it('credits what the customer said in dictated text without punctuation', () => {
    const { dimensions, evidence } = scoreNote(
      note({
        summary:
          'ok so call with Tom the plant manager the presses keep jamming on the night shift he said the maintenance crew is two technicians short and the COO wants overtime cut by spring i showed them our dashboard',
      }),
    );
    expect(dimensions.customerView).toBeGreaterThanOrEqual(90);
    const raised = evidence.filter((e) => e.dimension === 'customerView' && e.effect === 'raised');
    expect(raised.some((e) => e.text.startsWith('he said the maintenance crew'))).toBe(true);
  });

  it('keeps a negation inside its own statement and verb', () => {
    const { dimensions } = scoreNote(
      note({
        summary:
          'met the clinic director she hadnt thought about the staffing rule at all said her board wants the two clinics merged by summer because rents are rising',
      }),
    );
    expect(dimensions.customerView).toBeGreaterThanOrEqual(90);
  });

  it('credits the customer’s own idea and what we built on it in run-on text', () => {
    const { dimensions } = scoreNote(
      note({
        summary:
          'met the ops director at the bakery chain she proposed running the new proofing schedule in two bakeries first and comparing waste for a month we added a daily waste log so the comparison is fair',
      }),
    );
    expect(dimensions.collaboration).toBeGreaterThanOrEqual(90);
  });
});

describe('text that names nothing of theirs', () => {
  it('gives no inside view for a meeting header and deal logistics when the view field is empty', () => {
    const { dimensions } = scoreNote(
      note({
        summary:
          'Call with Dana Ruiz, their finance lead, on the 12th. Went through the order form, PO numbers and payment terms net 30.',
      }),
    );
    expect(dimensions.customerView).toBeLessThan(35);
  });

  it('does not take our own opinion in the customer-view field for theirs', () => {
    const { dimensions, evidence } = scoreNote(
      note({
        summary: 'Intro call with the finance team, overview of our forecasting platform.',
        customerView:
          'I think they are worried about losing distributors and probably need our portal. Our take: their CFO should push harder on cost.',
      }),
    );
    expect(dimensions.customerView).toBeLessThan(35);
    expect(evidence.some((e) => e.dimension === 'customerView' && e.effect === 'lowered')).toBe(true);
  });

  it('gives nothing for jargon and for rubric words without content', () => {
    const { dimensions } = scoreNote(
      note({
        summary: 'Holistic alignment session to unlock synergies across the transformation journey.',
        customerView:
          'Leadership is energized by the vision and aligned on a scalable, future-proof roadmap.',
        ideas: 'Joint idea. Co-created plan. Their contribution explicit.',
      }),
    );
    expect(dimensions.customerView).toBe(0);
    expect(dimensions.collaboration).toBe(0);
    expect(dimensions.businessFocus).toBe(0);
  });

  it('does not count a topic we only meant to raise as a conversation about their business', () => {
    const { dimensions } = scoreNote(
      note({
        summary:
          'Wanted to raise the risk that rising freight costs will squeeze their margins and cost them customers, but the meeting ran short and we only covered the delivery schedule.',
      }),
    );
    expect(dimensions.businessFocus).toBeLessThan(35);
  });

  it('counts the customer’s own products as their business, and ours as the product', () => {
    const theirs = scoreNote(
      note({
        summary:
          'Ana, head of the sensors unit, said their wired sensors lose share to wireless rivals and their margin on service contracts is what pays for growth; the CFO doubts subscriptions will cover the gap.',
      }),
    );
    const ours = scoreNote(
      note({
        summary: 'We demoed our sensor platform, the dashboards and the alerting module, and sent pricing.',
      }),
    );
    expect(theirs.dimensions.businessFocus).toBeGreaterThanOrEqual(70);
    expect(ours.dimensions.businessFocus).toBeLessThan(35);
  });
});
