import { addDays, bucketStart, bucketsBetween } from './buckets';

describe('time buckets', () => {
  test('weeks start on Monday; months on the 1st', () => {
    expect(bucketStart('2026-03-18', 'week')).toBe('2026-03-16'); // Wednesday
    expect(bucketStart('2026-03-16', 'week')).toBe('2026-03-16'); // Monday
    expect(bucketStart('2026-03-15', 'week')).toBe('2026-03-09'); // Sunday
    expect(bucketStart('2026-01-01', 'week')).toBe('2025-12-29'); // across a year
    expect(bucketStart('2026-03-18', 'month')).toBe('2026-03-01');
  });

  test('every bucket between two days, empty ones included', () => {
    expect(bucketsBetween('2026-02-01', '2026-02-20', 'week')).toEqual([
      '2026-01-26',
      '2026-02-02',
      '2026-02-09',
      '2026-02-16',
    ]);
    expect(bucketsBetween('2025-11-15', '2026-02-01', 'month')).toEqual([
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
    ]);
  });

  test('adds days across month ends', () => {
    expect(addDays('2026-03-18', -29)).toBe('2026-02-17');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });
});
