// Time buckets for the quality trend: ISO weeks (starting Monday) or calendar months, by UTC date.

export const BUCKETS = ['week', 'month'] as const;
export type Bucket = (typeof BUCKETS)[number];

const DAY_MS = 86_400_000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const parse = (day: string) => new Date(`${day}T00:00:00Z`);

/** First day (YYYY-MM-DD) of the bucket holding `day`. */
export function bucketStart(day: string, bucket: Bucket): string {
  const date = parse(day);
  if (bucket === 'month') return `${day.slice(0, 7)}-01`;
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return isoDate(new Date(date.getTime() - sinceMonday * DAY_MS));
}

/** Every bucket from the one holding `from` to the one holding `to`, so gaps show as empty periods. */
export function bucketsBetween(from: string, to: string, bucket: Bucket): string[] {
  const starts: string[] = [];
  let current = bucketStart(from, bucket);
  const last = bucketStart(to, bucket);
  while (current <= last) {
    starts.push(current);
    const date = parse(current);
    current =
      bucket === 'week'
        ? isoDate(new Date(date.getTime() + 7 * DAY_MS))
        : isoDate(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)));
  }
  return starts;
}

export function addDays(day: string, days: number): string {
  return isoDate(new Date(parse(day).getTime() + days * DAY_MS));
}

export const todayUtc = (): string => isoDate(new Date());
