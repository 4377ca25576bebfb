import { bandBounds, bandOf } from './score-bands';

describe('score bands', () => {
  test.each([
    [0, '0-39'],
    [39, '0-39'],
    [39.4, '0-39'],
    [39.5, '40-59'],
    [59, '40-59'],
    [60, '60-79'],
    [79.49, '60-79'],
    [80, '80-100'],
    [100, '80-100'],
  ])('%f is in %s', (score, band) => {
    expect(bandOf(score)).toBe(band);
  });

  test('bounds are inclusive', () => {
    expect(bandBounds('40-59')).toEqual({ min: 40, max: 59 });
    expect(bandBounds('80-100')).toEqual({ min: 80, max: 100 });
  });
});
