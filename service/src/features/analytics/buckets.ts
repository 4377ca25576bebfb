// Time buckets for the quality trend: ISO weeks (starting Monday) or calendar months, by UTC date.
// Days are compared as dates (their time values), never as strings: past year 9999 an ISO string
// grows a sign and six digits and stops sorting with the others.

export const BUCKETS = ['week', 'month'] as const;
export type Bucket = (typeof BUCKETS)[number];

const DAY_MS = 86_400_000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const parse = (day: string) => new Date(`${day}T00:00:00Z`);
const timeOf = (day: string) => parse(day).getTime();

/** First day (YYYY-MM-DD) of the bucket holding `day`. */
export function bucketStart(day: string, bucket: Bucket): string {
  const date = parse(day);
  if (bucket === 'month') return `${day.slice(0, 7)}-01`;
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return isoDate(new Date(date.getTime() - sinceMonday * DAY_MS));
}

/** How many buckets `bucketsBetween` returns, worked out without listing them. */
export function bucketCount(from: string, to: string, bucket: Bucket): number {
  const first = parse(bucketStart(from, bucket));
  const last = parse(bucketStart(to, bucket));
  if (last < first) return 0;
  if (bucket === 'week') return Math.round((last.getTime() - first.getTime()) / (7 * DAY_MS)) + 1;
  const months = (date: Date) => date.getUTCFullYear() * 12 + date.getUTCMonth();
  return months(last) - months(first) + 1;
}

/** Every bucket from the one holding `from` to the one holding `to`, so gaps show as empty periods. */
export function bucketsBetween(from: string, to: string, bucket: Bucket): string[] {
  const starts: string[] = [];
  let current = parse(bucketStart(from, bucket));
  const last = timeOf(bucketStart(to, bucket));
  while (current.getTime() <= last) {
    starts.push(isoDate(current));
    current =
      bucket === 'week'
        ? new Date(current.getTime() + 7 * DAY_MS)
        : new Date(Date.UTC(current.getUTCFullYear(), current.getUTCMonth() + 1, 1));
  }
  return starts;
}

/** Calendar days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysInRange(from: string, to: string): number {
  return Math.max(0, Math.round((timeOf(to) - timeOf(from)) / DAY_MS) + 1);
}

export const isAfter = (day: string, other: string): boolean => timeOf(day) > timeOf(other);

export function addDays(day: string, days: number): string {
  return isoDate(new Date(parse(day).getTime() + days * DAY_MS));
}

export const todayUtc = (): string => isoDate(new Date());
