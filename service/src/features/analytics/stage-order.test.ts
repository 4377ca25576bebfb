import { defaultSettings } from '../settings';
import { stageRanks } from './stage-order';

describe('stage order for progression', () => {
  test('phase first, then the standard order; closed stages have no rank', () => {
    const ranks = stageRanks(defaultSettings());
    const order = Object.entries(ranks)
      .sort((a, b) => a[1] - b[1])
      .map(([stage]) => stage);
    expect(order).toEqual([
      'Prospecting',
      'Qualification',
      'Needs Analysis',
      'Value Proposition',
      'Id. Decision Makers',
      'Perception Analysis',
      'Proposal/Price Quote',
      'Negotiation/Review',
    ]);
    expect(ranks['Closed Won']).toBeUndefined();
  });

  test('a custom stage ranks within its phase, below later phases', () => {
    const ranks = stageRanks({
      ...defaultSettings(),
      stagePhases: { Discovery: 'early', 'Needs Analysis': 'middle', Signing: 'late' },
    });
    expect(ranks.Discovery!).toBeLessThan(ranks['Needs Analysis']!);
    expect(ranks['Needs Analysis']!).toBeLessThan(ranks.Signing!);
  });
});
