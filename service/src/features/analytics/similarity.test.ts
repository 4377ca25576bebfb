import { groupSimilar, jaccard, tokenSet } from './similarity';

describe('similarity of free texts', () => {
  test('tokens: lower case, no stop words, crude plural stem, no accents', () => {
    expect([...tokenSet('The Tariffs will squeeze THEIR margins!')]).toEqual(['tariff', 'squeeze', 'margin']);
    expect([...tokenSet('Café process')]).toEqual(['cafe', 'process']);
  });

  test('Jaccard of token sets', () => {
    expect(jaccard(tokenSet('new tariffs squeeze margins'), tokenSet('tariffs squeeze margins'))).toBe(0.75);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });

  test('groups texts at or above the threshold under the most frequent one, counting all', () => {
    expect(
      groupSimilar([
        { text: 'Tariffs squeeze margins', count: 1 },
        { text: 'New tariffs will squeeze margins', count: 3 },
        { text: 'Nurse turnover', count: 2 },
        { text: 'the', count: 5 }, // nothing left after stop words: dropped
      ]),
    ).toEqual([
      { text: 'New tariffs will squeeze margins', count: 4 },
      { text: 'Nurse turnover', count: 2 },
    ]);
  });

  test('texts in any script are candidates: letters of every alphabet are tokens', () => {
    expect([...tokenSet('Текучесть кадров — главная проблема')]).toEqual([
      'текучесть',
      'кадров',
      'главная',
      'проблема',
    ]);
    expect(
      groupSimilar([
        { text: 'Текучесть кадров', count: 2 },
        { text: '人员流失', count: 1 },
      ]),
    ).toEqual([
      { text: 'Текучесть кадров', count: 2 },
      { text: '人员流失', count: 1 },
    ]);
  });
});
