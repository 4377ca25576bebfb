// Notes that name the rubric's qualities or string buzzwords together earn nothing overall.
import { scoreNote } from '.';

describe('empty talk', () => {
  it('keeps cue lists and buzzwords at the bottom on every dimension', () => {
    const cueList = scoreNote({
      prompts: [],
      summary: 'Meeting.',
      customerView:
        'their priorities their constraints their initiatives who wants what internal disagreement inside view',
      ideas: 'Collaboration together jointly co-created, shared plan, their idea.',
      nextStep: 'Jointly owned committed dated next step with named customer.',
    });
    const buzz = scoreNote({
      prompts: [],
      summary:
        'Leveraged thought leadership to ideate on customer-centric, data-driven, omnichannel engagement paradigms. Empowered stakeholders to operationalize synergies in a scalable ecosystem.',
      customerView: 'Customer is aligned on the north-star vision of scalable, future-proof agility.',
    });
    for (const result of [cueList, buzz]) {
      expect(result.overall).toBeLessThanOrEqual(25);
      expect(result.dimensions.customerView).toBeLessThan(35);
    }
  });

  it('still counts a plain sentence that uses one of those words', () => {
    const { dimensions } = scoreNote({
      prompts: [],
      summary: 'Call with Karen Holt.',
      customerView:
        "Karen's priority is a 5% scrap reduction across plants by 2027; the Ohio plant manager resists a common MES.",
    });
    expect(dimensions.customerView).toBeGreaterThanOrEqual(70);
  });
});
