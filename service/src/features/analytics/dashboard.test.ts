import { allTimeRange, bandWinRates, dashboardRange, earliestFrom } from './dashboard';
import { wholeMonths } from './read-models/quality';

describe('dashboard helpers', () => {
  test('closed deals are counted into the band of their rounded average score', () => {
    const bands = bandWinRates([
      { score: 39, closed: 2, won: 0 },
      { score: 40, closed: 3, won: 1 },
      { score: 85, closed: 6, won: 5 },
      { score: 95, closed: 4, won: 3 },
    ]);
    expect(bands.map((b) => [b.band, b.closed, b.won, b.enoughData])).toEqual([
      ['0-39', 2, 0, false],
      ['40-59', 3, 1, false],
      ['60-79', 0, 0, false],
      ['80-100', 10, 8, true],
    ]);
    expect(bands[3]!.low).toBeCloseTo(0.49, 3);
  });

  test('the range defaults to the last 90 days and refuses from after to', () => {
    expect(dashboardRange({ to: '2026-03-18' })).toEqual({ from: '2025-12-19', to: '2026-03-18' });
    expect(() => dashboardRange({ from: '2026-03-19', to: '2026-03-18' })).toThrow(
      'from must not be after to',
    );
  });

  test('all time starts at the first note, cut to ten years of months or 260 weeks', () => {
    expect(allTimeRange('2026-03-18', 'week', '2024-03-05')).toEqual({
      from: '2024-03-05',
      to: '2026-03-18',
    });
    expect(allTimeRange('2026-03-18', 'week', null)).toEqual({ from: '2026-03-18', to: '2026-03-18' });
    expect(allTimeRange('2026-03-18', 'week', '2026-04-01')).toEqual({
      from: '2026-03-18',
      to: '2026-03-18',
    });
    // 2026-03-16 is the Monday of to's week: 259 weeks before it
    expect(earliestFrom('2026-03-18', 'week')).toBe('2021-03-29');
    expect(allTimeRange('2026-03-18', 'week', '2000-01-01').from).toBe('2021-03-29');
    // 3,653 days, both ends included
    expect(earliestFrom('2026-03-18', 'month')).toBe('2016-03-18');
    expect(allTimeRange('2026-03-18', 'month', '2000-01-01').from).toBe('2016-03-18');
    expect(() => dashboardRange({ range: 'all', from: '2026-01-01' })).toThrow(
      'give from or range=all, not both',
    );
  });

  test('a range reads whole months from the monthly sums and days only at its ends', () => {
    expect(wholeMonths({ from: '2024-03-05', to: '2026-03-18' })).toEqual({
      first: '2024-04-01',
      end: '2026-03-01',
      edges: [
        { from: '2024-03-05', to: '2024-03-31' },
        { from: '2026-03-01', to: '2026-03-18' },
      ],
    });
    expect(wholeMonths({ from: '2026-01-01', to: '2026-02-28' })).toEqual({ first: '2026-01-01', end: '2026-03-01', edges: [] }); // prettier-ignore
    expect(wholeMonths({ from: '2026-01-02', to: '2026-02-27' })).toBeUndefined();
    expect(wholeMonths({ from: '2025-12-19', to: '2026-03-18' })!.edges).toHaveLength(2);
  });
});
