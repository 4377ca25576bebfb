import { addDays, bucketCount, bucketStart, bucketsBetween, daysInRange } from './buckets';

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

  test('the last weeks of year 9999 end the series (days compare as dates, not as strings)', () => {
    // the week after 9999-12-27 is "+010000-01-03", which sorts before "9999-12-27" as a string
    expect(bucketsBetween('9999-12-20', '9999-12-31', 'week')).toEqual(['9999-12-20', '9999-12-27']);
  });

  test('counts buckets and days without listing them', () => {
    expect(bucketCount('2026-02-01', '2026-02-20', 'week')).toBe(4);
    expect(bucketCount('2025-11-15', '2026-02-01', 'month')).toBe(4);
    expect(bucketCount('0001-01-01', '9999-12-31', 'week')).toBe(521723);
    expect(daysInRange('2026-02-01', '2026-02-01')).toBe(1);
    expect(daysInRange('2024-01-01', '2024-12-31')).toBe(366);
  });
});
