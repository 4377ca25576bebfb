// Notes written to fool the coach must stay below every genuine note that reaches level 2, and the
// genuine notes must not fall to the bottom for the way they are written. Each case here is a cause
// seen on the tuning part of the corpus, written in sentences of our own.
import { scoreNote, type ScoringInput } from '.';

const base: ScoringInput = { prompts: [], summary: 'Call with the plant team.', occurredAt: '2026-11-02' };
const score = (input: Partial<ScoringInput>) => scoreNote({ ...base, ...input }).dimensions;

describe('a next step one side takes alone, with no date', () => {
  it('is vague when we only send something, whatever department the thing is named after', () => {
    expect(score({ nextStep: 'Send the quote.' }).nextStep).toBeLessThan(70);
    expect(score({ nextStep: 'Forward pricing and legal.' }).nextStep).toBeLessThan(70);
  });

  it('is vague when the main verb only promises to come back, after "need to" or "have to"', () => {
    expect(score({ nextStep: 'They have to get back to us.' }).nextStep).toBeLessThan(70);
    expect(score({ nextStep: 'She needs to look into it.' }).nextStep).toBeLessThan(70);
  });

  it('is one-sided when "the customer" or "they" do homework on our offer', () => {
    expect(
      score({ summary: 'Went over the options.', nextStep: 'The client will look over our offer.' }).nextStep,
    ).toBeLessThan(70);
    expect(score({ summary: 'Went over the options. They will read our proposal.' }).nextStep).toBeLessThan(
      70,
    );
  });

  it('is still a step, if a vague one, when "the client" takes it in the summary', () => {
    const homework = score({ summary: 'Went over the options. The client will review our proposal.' });
    expect(homework.nextStep).toBeGreaterThanOrEqual(35);
    expect(homework.nextStep).toBeLessThan(70);
  });

  it('still reaches level 2 with a named person on their side or a date', () => {
    expect(
      score({ nextStep: 'Jonas will pull the returns data for the model.' }).nextStep,
    ).toBeGreaterThanOrEqual(70);
    expect(
      score({ nextStep: 'The client will look over our offer.', nextStepDate: '2026-11-09' }).nextStep,
    ).toBeGreaterThanOrEqual(70);
  });
});

describe('a next step that names nothing or no one', () => {
  it('is vague when it is jargon, dated or not', () => {
    const jargon = score({
      nextStep: 'Next ideation session to unlock the north star.',
      nextStepDate: '2026-11-10',
    });
    expect(jargon.nextStep).toBeLessThan(70);
  });

  it('has no customer in it when a department only names the kind of call, still to be booked', () => {
    expect(score({ nextStep: 'Pricing call to be scheduled.' }).nextStep).toBeLessThan(70);
    expect(score({ nextStep: 'Legal review of the terms to be booked.' }).nextStep).toBeLessThan(70);
    expect(score({ nextStep: 'Their legal team books the review.' }).nextStep).toBeGreaterThanOrEqual(70);
  });
});

describe('prices and contracts of their own trade', () => {
  it('count as their business when the customer tells us of the price they hold for their own buyers', () => {
    const told = score({
      summary:
        'Visit to the bakery plant. He told me their aim is to hold the price for the hotel chains steady, since those contracts are fixed for a year.',
    });
    expect(told.businessFocus).toBeGreaterThanOrEqual(35);
    // a priority told in their terms is their view, not deal talk
    expect(told.customerView).toBeGreaterThanOrEqual(70);
  });

  it('count as their business when they are the price of what they buy or sell, or a contract with a third party', () => {
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

describe('our opinion and our lecture', () => {
  it('give no collaboration for a customer stance we only put in their mouth', () => {
    const opinion = score({
      summary: 'First call with the plant finance team, overview of our costing tool.',
      customerView:
        'My view: the controller should fear the energy bill; I think they have no real cost model yet.',
    });
    expect(opinion.collaboration).toBe(0);
  });

  it('give no business focus for telling them what their business must do', () => {
    const lecture = score({
      summary:
        'Saw the fleet manager at a bus operator. We explained that their depot charging is badly planned and that they must buy more chargers now or their routes will fail in winter. Told them they need to rebuild the timetable around our charging software.',
      customerView: 'They need to act.',
    });
    expect(lecture.businessFocus).toBeLessThan(35);
  });

  it('reads a "not" early in a long clause as negating its own verb, not the lecture after "and that"', () => {
    const lecture = score({
      summary:
        'Met the stores director. Told them their stock counts are not good enough for a chain of their size and that they need to rebuild replenishment around our forecasting tool.',
    });
    expect(lecture.businessFocus).toBeLessThan(35);
  });
});

describe('a plan agreed together', () => {
  it('counts when it names what they will work on together, however it is phrased', () => {
    const agreed = score({
      summary:
        'Raised how late returns pile up before audits. She said the backlog sits with two clerks. Agreed to go through the returns ledger together.',
    });
    expect(agreed.collaboration).toBeGreaterThanOrEqual(70);
    expect(score({ summary: 'Agreed to stay in touch together.' }).collaboration).toBeLessThan(70);
  });
});

describe('their view in sentences whose nouns are all cue words', () => {
  it('counts a customer subject and verb as a sentence, not a list', () => {
    const view = score({ summary: 'He said they budget everything around staffing and overtime.' });
    expect(view.customerView).toBeGreaterThanOrEqual(70);
  });

  it('does not count the end of a sentence in which we told them what they must do', () => {
    const lecture = score({
      summary:
        'We told them their rostering is outdated and that they must hire now or they will lose their best nurses.',
    });
    expect(lecture.customerView).toBeLessThan(35);
  });
});

describe('business focus on a product or deal call', () => {
  it('does not take who was there, a deal term or a date for their business', () => {
    const demo = score({
      summary: 'Store mgr + buyer. Demo of the forecasting app, alerts and exports.',
      nextStep: 'Ops (Dana) sends the export spec by 10/12',
    });
    expect(demo.businessFocus).toBeLessThan(35);
    const deal = score({ summary: 'Call with their COO. Procurement wants the liability cap lowered.' });
    expect(deal.businessFocus).toBeLessThan(35);
  });
});
