// Word classes: a module's word list becomes a flag bit of the cached word info, and a word looked
// up before its class was declared is not left without the bit.
import { lowerInfo, surfaceInfo, wordClass, W_NUMERIC_DATE } from './word-info';

describe('wordClass', () => {
  it('flags every word of the list, by lemma or surface form, and no other word', () => {
    const before = surfaceInfo('Workshop');
    const MEETING = wordClass(['workshop', 'visit']);
    expect(MEETING).toBeGreaterThan(W_NUMERIC_DATE);
    expect(lowerInfo('visit').flags & MEETING).toBe(MEETING);
    expect(surfaceInfo('Workshop').lower.flags & MEETING).toBe(MEETING);
    expect(surfaceInfo('Workshop')).not.toBe(before);
    expect(lowerInfo('proposal').flags & MEETING).toBe(0);
  });

  it('gives each class its own bit', () => {
    const first = wordClass(['alpha']);
    const second = wordClass(['beta']);
    expect(first & second).toBe(0);
    expect(lowerInfo('alpha').flags & second).toBe(0);
  });
});
