import { MIN_SAMPLE, wilsonInterval, winRate } from './wilson';

describe('Wilson score interval (95 %)', () => {
  test.each([
    // successes, n, low, high — worked by hand from the formula with z = 1.96
    [8, 10, 0.49, 0.943],
    [0, 1, 0, 0.7935],
    [1, 1, 0.2065, 1],
    [1, 2, 0.0945, 0.9055],
    [50, 100, 0.4038, 0.5962],
  ])('%i of %i → [%f, %f]', (successes, n, low, high) => {
    const interval = wilsonInterval(successes, n);
    expect(interval.low).toBeCloseTo(low, 3);
    expect(interval.high).toBeCloseTo(high, 3);
  });

  test('needs a sample', () => {
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
  });
});

describe('win rate with the minimum-sample rule', () => {
  test('nothing closed: no rate, no interval, not enough data', () => {
    expect(winRate(0, 0)).toEqual({
      won: 0,
      closed: 0,
      rate: null,
      low: null,
      high: null,
      enoughData: false,
    });
  });

  test(`below ${MIN_SAMPLE} closed the rate is given but flagged; at ${MIN_SAMPLE} it is enough`, () => {
    expect(winRate(8, 9)).toMatchObject({ rate: 8 / 9, enoughData: false });
    expect(winRate(8, 10)).toMatchObject({ rate: 0.8, enoughData: true });
  });
});
